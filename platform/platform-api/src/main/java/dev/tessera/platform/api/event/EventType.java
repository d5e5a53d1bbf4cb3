package dev.tessera.platform.api.event;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.tessera.platform.api.RecordType;
import dev.tessera.platform.api.internal.PayloadJson;

/**
 * One kind of domain event, declared once, in the API bundle of the module that owns its record type, and listed in
 * that module's {@link dev.tessera.platform.api.ModuleDescriptor#events()}. Publishers build events with it from a
 * typed payload record; subscribers read the payload back as that record. Nobody writes or parses the event's map
 * by hand.
 * <pre>{@code
 * // in erp-sales-api
 * EventType<InvoiceDetails> INVOICE_ISSUED = EventType.of("sales", "invoice", "issued", InvoiceDetails.class, 1,
 *         "An invoice was issued: its number, customer, amounts and due date");
 * // publishing, in the invoice's transaction
 * events.publish(db, SalesEvents.INVOICE_ISSUED.created(Long.toString(id), actor, details));
 * // consuming
 * if (SalesEvents.INVOICE_ISSUED.is(event)) { InvoiceDetails invoice = SalesEvents.INVOICE_ISSUED.payload(event); }
 * }</pre>
 * The schema version says which shape of the payload an event has: a change that readers of the old shape could
 * misread raises it.
 *
 * @param name          {@code <prefix>.<record type>.<verb>}, e.g. {@code sales.invoice.issued}
 * @param recordType    the record type the event is about; its module owns it
 * @param payloadType   the record its payload is
 * @param schemaVersion the version of the payload's shape, from 1
 * @param description   what happened, for the event catalogue
 */
public record EventType<P extends Record>(String name, RecordType recordType, Class<P> payloadType, int schemaVersion,
                                          String description) {
    private static final Pattern WORD = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    public EventType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(recordType, "recordType");
        Objects.requireNonNull(payloadType, "payloadType");
        Objects.requireNonNull(description, "description");
        String[] parts = name.split("\\.", -1);
        if (parts.length != 3 || !WORD.matcher(parts[0]).matches() || !parts[1].equals(recordType.name())
                || !WORD.matcher(parts[2]).matches()) {
            throw new IllegalArgumentException("Event type '" + name + "' is not <prefix>." + recordType + ".<verb>");
        }
        if (schemaVersion < 1) {
            throw new IllegalArgumentException("Event type " + name + ": the schema version starts at 1");
        }
    }

    /** Declares {@code <prefix>.<recordType>.<verb>}, e.g. {@code of("sales", "invoice", "issued", ...)}. */
    public static <P extends Record> EventType<P> of(String prefix, String recordType, String verb, Class<P> payloadType,
                                                     int schemaVersion, String description) {
        return new EventType<>(prefix + "." + recordType + "." + verb, RecordType.of(recordType), payloadType,
                schemaVersion, description);
    }

    /** The first part of the name, e.g. {@code sales}. */
    public String prefix() {
        return name.substring(0, name.indexOf('.'));
    }

    /** The last part of the name, e.g. {@code issued}. */
    public String verb() {
        return name.substring(name.lastIndexOf('.') + 1);
    }

    public boolean is(DomainEvent event) {
        return event.type().equals(name);
    }

    /**
     * The event's payload as its record.
     *
     * @throws UndeliverableEvent when the event is of another type or its payload does not fit the record
     */
    public P payload(DomainEvent event) {
        if (!is(event)) {
            throw new UndeliverableEvent("Event " + event.id() + " is a " + event.type() + ", not a " + name);
        }
        try {
            return PayloadJson.fromMap(event.payload(), payloadType);
        } catch (IllegalArgumentException e) {
            throw new UndeliverableEvent("The payload of " + name + " event " + event.id() + " (schema version "
                    + event.schemaVersion() + ") does not fit " + payloadType.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /** An event about a new record: every field of the payload counts as new. */
    public DomainEvent created(String recordId, String actor, P payload) {
        Map<String, Object> map = PayloadJson.toMap(payload);
        Map<String, FieldChange> changes = new LinkedHashMap<>();
        map.forEach((field, value) -> changes.put(field, new FieldChange(null, value)));
        return build(recordId, 1, actor, map, changes);
    }

    /** An event about a change: the payload is the record after it, the changes the fields that differ. */
    public DomainEvent changed(String recordId, long recordVersion, String actor, P before, P after) {
        Map<String, Object> old = PayloadJson.toMap(before);
        Map<String, Object> now = PayloadJson.toMap(after);
        Set<String> fields = new LinkedHashSet<>(old.keySet());
        fields.addAll(now.keySet());
        Map<String, FieldChange> changes = new LinkedHashMap<>();
        for (String field : fields) {
            if (!Objects.equals(old.get(field), now.get(field))) {
                changes.put(field, new FieldChange(old.get(field), now.get(field)));
            }
        }
        return build(recordId, recordVersion, actor, now, changes);
    }

    /** An event with the changes its publisher names. */
    public DomainEvent event(String recordId, long recordVersion, String actor, P payload,
                             Map<String, FieldChange> changes) {
        return build(recordId, recordVersion, actor, PayloadJson.toMap(payload), changes);
    }

    private DomainEvent build(String recordId, long recordVersion, String actor, Map<String, Object> payload,
                              Map<String, FieldChange> changes) {
        return new DomainEvent(UUID.randomUUID(), name, recordType.name(), recordId, recordVersion, schemaVersion,
                Instant.now(), actor, payload, changes);
    }
}
