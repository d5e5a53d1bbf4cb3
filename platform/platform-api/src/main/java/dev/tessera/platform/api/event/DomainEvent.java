package dev.tessera.platform.api.event;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A committed fact about one record, e.g. {@code sales.invoice.issued}.
 *
 * @param id            unique event id, the key for de-duplication by subscribers
 * @param type          {@code <module>.<record>.<verb>}, lower-case kebab words
 * @param recordId      id of the record the event is about
 * @param recordVersion the record's version after the change
 * @param occurredAt    when the change was committed
 * @param actor         who made the change (user name, or {@code system:<module>})
 * @param payload       the record's relevant fields after the change (JSON-compatible values)
 * @param changes       field → old/new value for updates; every field as new for creates
 */
public record DomainEvent(UUID id, String type, String recordId, long recordVersion, Instant occurredAt,
                          String actor, Map<String, Object> payload, Map<String, FieldChange> changes) {

    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9-]*\\.[a-z][a-z0-9-]*\\.[a-z][a-z0-9-]*");

    public DomainEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        if (!TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("Event type '" + type + "' is not of the form module.record.verb, e.g. sales.invoice.issued");
        }
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
        payload = payload == null ? Map.of() : Map.copyOf(payload);
        changes = changes == null ? Map.of() : Map.copyOf(changes);
    }

    /** The module part of the type, e.g. {@code sales}. */
    public String module() {
        return type.substring(0, type.indexOf('.'));
    }

    /** The OSGi EventAdmin topic for this event: {@code tessera/<module>/<record>/<verb>}. */
    public String topic() {
        return "tessera/" + type.replace('.', '/');
    }
}
