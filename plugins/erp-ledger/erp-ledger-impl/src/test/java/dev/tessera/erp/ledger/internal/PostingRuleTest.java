package dev.tessera.erp.ledger.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.tessera.erp.ledger.api.PostingRequest;
import dev.tessera.platform.api.event.DomainEvent;

class PostingRuleTest {
    private static final PostingRule INVOICE = PostingRule.of("invoices", Map.of("event", "sales.invoice.issued",
            "description", "Invoice {number}", "reference", "{number}", "date", "{date}",
            "lines", "1200:debit:{gross}, 4100:credit:{net}, 2200:credit:{tax}"));

    private static DomainEvent invoice(Map<String, Object> payload) {
        return new DomainEvent(UUID.randomUUID(), "sales.invoice.issued", "invoice", "42", 1, 1, Instant.parse("2026-05-05T10:00:00Z"),
                "system:erp-sales", payload, Map.of());
    }

    @Test
    void anEventBecomesAnEntryWhoseSourceIsTheModuleAndTheReference() {
        PostingRequest request = INVOICE.request(invoice(Map.of("number", "INV-2026-000007", "date", "2026-05-04",
                "gross", "119.00", "net", 100, "tax", "19.00")));
        assertEquals(LocalDate.parse("2026-05-04"), request.date());
        assertEquals("Invoice INV-2026-000007", request.description());
        assertEquals("sales", request.sourceModule());
        assertEquals("INV-2026-000007", request.sourceReference());
        assertEquals(new BigDecimal("119.00"), request.lines().get(0).debit());
        assertEquals(new BigDecimal("100"), request.lines().get(1).credit());
    }

    @Test
    void zeroLinesAreLeftOutAndAnAllZeroEventMakesNoEntry() {
        PostingRequest request = INVOICE.request(invoice(Map.of("number", "INV-1", "date", "2026-05-04",
                "gross", "100", "net", "100", "tax", "0.00")));
        assertEquals(2, request.lines().size());
        assertNull(INVOICE.request(invoice(Map.of("number", "INV-2", "date", "2026-05-04", "gross", "0", "net", "0",
                "tax", "0"))));
    }

    @Test
    void aNegatedOrPrefixConditionTellsWorkOrderIssuesFromShipments() {
        PostingRule shipments = PostingRule.of("issues", Map.of("event", "inventory.stock-move.recorded",
                "when", "move=issue, reference!=WO-*", "reference", "move-{recordId}",
                "lines", "5100:debit:{value}, 1300:credit:{value}"));
        PostingRule production = PostingRule.of("production", Map.of("event", "inventory.stock-move.recorded",
                "when", "move=issue,reference=WO-*", "reference", "move-{recordId}",
                "lines", "1350:debit:{value}, 1300:credit:{value}"));
        DomainEvent forOrder = move("issue", "SO-2026-000003");
        DomainEvent forWorkOrder = move("issue", "WO-2026-000001");
        DomainEvent unreferenced = move("issue", null);
        assertTrue(shipments.matches(forOrder) && !production.matches(forOrder));
        assertTrue(!shipments.matches(forWorkOrder) && production.matches(forWorkOrder));
        assertTrue(shipments.matches(unreferenced) && !production.matches(unreferenced));
        assertTrue(!shipments.matches(move("receipt", "PO-2026-000001")));
        assertThrows(IllegalArgumentException.class, () -> PostingRule.of("bad", Map.of("event", "x.y.z",
                "when", "move!!=issue", "lines", "1:debit:{a}, 2:credit:{a}")));
    }

    private static DomainEvent move(String move, String reference) {
        Map<String, Object> payload = new java.util.HashMap<>(Map.of("move", move, "value", "5.00"));
        payload.put("reference", reference);
        return new DomainEvent(UUID.randomUUID(), "inventory.stock-move.recorded", "stock-move", "9", 1, 1,
                Instant.now(), "x", payload, Map.of());
    }

    @Test
    void aConditionPicksTheEventsARuleBooks() {
        PostingRule receipts = PostingRule.of("receipts", Map.of("event", "inventory.stock-move.recorded", "when", "move=receipt",
                "reference", "move-{recordId}", "lines", "1300:debit:{value}, 2100:credit:{value}"));
        DomainEvent receipt = new DomainEvent(UUID.randomUUID(), "inventory.stock-move.recorded", "stock-move", "7", 1, 1, Instant.now(), "x",
                Map.of("move", "receipt", "value", "30.00"), Map.of());
        DomainEvent issue = new DomainEvent(UUID.randomUUID(), "inventory.stock-move.recorded", "stock-move", "8", 1, 1, Instant.now(), "x",
                Map.of("move", "issue", "value", "12.00"), Map.of());
        assertTrue(receipts.matches(receipt));
        assertTrue(!receipts.matches(issue));
        assertEquals("inventory", receipts.request(receipt).sourceModule());
        assertEquals("move-7", receipts.request(receipt).sourceReference());
    }

    @Test
    void aMissingFieldOrABadRuleSaysWhat() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> INVOICE.request(invoice(Map.of("number", "INV-3", "date", "2026-05-04"))));
        assertTrue(missing.getMessage().contains("no field 'gross'"), missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PostingRule.of("x", Map.of("lines", "1:debit:1, 2:credit:1")));
        assertThrows(IllegalArgumentException.class, () -> PostingRule.of("x", Map.of("event", "a.b.c",
                "lines", "1:left:1, 2:credit:1")));
        assertThrows(IllegalArgumentException.class, () -> PostingRule.of("x", Map.of("event", "a.b.c",
                "reference", "always-the-same", "lines", "1:debit:1, 2:credit:1")));
    }

    @Test
    void anAmountMaySumFieldsAndANegativeOneBooksOnTheOtherSide() {
        PostingRule receipts = PostingRule.of("receipts", Map.of("event", "inventory.stock-move.recorded",
                "reference", "move-{recordId}",
                "lines", "1300:debit:{value}, 5150:debit:{variance}, 2150:credit:{value} + {variance}"));
        DomainEvent cheaper = new DomainEvent(UUID.randomUUID(), "inventory.stock-move.recorded", "stock-move", "9", 1,
                1, Instant.now(), "x", Map.of("move", "receipt", "value", "50.00", "variance", "-4.00"), Map.of());
        PostingRequest request = receipts.request(cheaper);
        assertEquals(3, request.lines().size());
        assertEquals(new BigDecimal("50.00"), request.lines().get(0).debit());
        assertNull(request.lines().get(1).debit());
        assertEquals(new BigDecimal("4.00"), request.lines().get(1).credit());
        assertEquals(new BigDecimal("46.00"), request.lines().get(2).credit());
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> PostingRule.of("x",
                Map.of("event", "a.b.c", "lines", "1:debit:{a}*2, 2:credit:{a}")));
        assertTrue(bad.getMessage().contains("not a field, a number or a sum"), bad.getMessage());
    }
}
