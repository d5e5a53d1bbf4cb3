package dev.tessera.platform.api.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class DomainEventTest {

    private static DomainEvent event(String type) {
        return new DomainEvent(UUID.randomUUID(), type, type.split("\\.")[1], "42", 1, 1, Instant.now(), "alice",
                Map.of("number", "INV-2026-000001"), Map.of("status", new FieldChange(null, "issued")));
    }

    @Test
    void mapsTypeToModuleAndEventAdminTopic() {
        DomainEvent e = event("sales.invoice.issued");
        assertEquals("sales", e.module());
        assertEquals("tessera/sales/invoice/issued", e.topic());
    }

    @Test
    void refusesTypesThatAreNotModuleRecordVerb() {
        assertThrows(IllegalArgumentException.class, () -> event("sales.invoice"));
        assertThrows(IllegalArgumentException.class, () -> event("Sales.Invoice.Issued"));
        assertThrows(IllegalArgumentException.class, () -> event("sales.invoice.issued.again"));
    }

    @Test
    void payloadAndChangesAreImmutableCopies() {
        DomainEvent e = event("pipeline.lead.created");
        assertThrows(UnsupportedOperationException.class, () -> e.payload().put("x", "y"));
        assertEquals("issued", e.changes().get("status").newValue());
    }
}
