package dev.tessera.platform.api.event;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A committed fact about one record, e.g. {@code sales.invoice.issued}. Modules build events with their declared
 * {@link EventType}s, never by hand.
 *
 * @param id            unique event id, the key for de-duplication by subscribers
 * @param type          {@code <prefix>.<record type>.<verb>}, lower-case kebab words
 * @param recordType    the record type the event is about, owned by the module that published it
 * @param recordId      id of the record the event is about
 * @param recordVersion the record's version after the change
 * @param schemaVersion the version of the payload's shape, as the event type declares it
 * @param occurredAt    when the change was made
 * @param actor         who made the change (user name, or {@code system:<module>})
 * @param payload       the record's relevant fields after the change (JSON-compatible values)
 * @param changes       field → old/new value for updates; every field as new for creates
 */
public record DomainEvent(UUID id, String type, String recordType, String recordId, long recordVersion,
                          int schemaVersion, Instant occurredAt, String actor, Map<String, Object> payload,
                          Map<String, FieldChange> changes) {

    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9-]*\\.[a-z][a-z0-9-]*\\.[a-z][a-z0-9-]*");

    public DomainEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        if (!TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("Event type '" + type + "' is not of the form prefix.record.verb, e.g."
                    + " sales.invoice.issued");
        }
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
        payload = payload == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(payload));
        changes = changes == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(changes));
    }

    /** The first part of the type, e.g. {@code sales}: the publishing module's event prefix. */
    public String module() {
        return type.substring(0, type.indexOf('.'));
    }

    /** The OSGi EventAdmin topic for this event: {@code tessera/<prefix>/<record>/<verb>}. */
    public String topic() {
        return "tessera/" + type.replace('.', '/');
    }
}
