package dev.tessera.erp.sales.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.tessera.crm.pipeline.api.PriceSource;
import dev.tessera.crm.pipeline.api.QuoteStatus;
import dev.tessera.crm.pipeline.api.event.PipelineEvents;
import dev.tessera.crm.pipeline.api.event.QuoteDetails;
import dev.tessera.platform.api.event.DomainEvent;
import dev.tessera.platform.api.event.UndeliverableEvent;

class AcceptedQuoteTest {
    @Test
    void anAcceptedQuoteStoredBeforeTypedEventsReadsAsTheQuoteWithItsExactAmounts() {
        // decimals as text and numbers as numbers, as the pipeline published them before its payloads were records
        Map<String, Object> storedLine = Map.ofEntries(Map.entry("line", 1), Map.entry("sku", "MUG-1"),
                Map.entry("description", "Mug"), Map.entry("quantity", "400"), Map.entry("unitPrice", "9.9"),
                Map.entry("discountPercent", "10"), Map.entry("net", "3564.00"), Map.entry("taxCode", "VAT19"),
                Map.entry("tax", "677.16"), Map.entry("gross", "4241.16"), Map.entry("priceSource", "CATALOG"));
        Map<String, Object> payload = Map.ofEntries(Map.entry("id", 7), Map.entry("number", "Q-000007"),
                Map.entry("revision", 1), Map.entry("opportunityId", 3), Map.entry("accountId", 2),
                Map.entry("status", "ACCEPTED"), Map.entry("currency", "EUR"), Map.entry("net", "3564.00"),
                Map.entry("tax", "677.16"), Map.entry("gross", "4241.16"), Map.entry("lines", List.of(storedLine)));
        DomainEvent stored = new DomainEvent(UUID.randomUUID(), "pipeline.quote.accepted", "quote", "7", 1, 1,
                Instant.now(), "itest", payload, Map.of());
        QuoteDetails quote = PipelineEvents.QUOTE_ACCEPTED.payload(stored);
        assertEquals(7, quote.id());
        assertEquals(QuoteStatus.ACCEPTED, quote.status());
        QuoteDetails.Line line = quote.lines().get(0);
        assertEquals("MUG-1", line.sku());
        assertEquals(new BigDecimal("3564.00"), line.net());
        assertEquals(new BigDecimal("677.16"), line.tax());
        assertEquals(PriceSource.CATALOG, line.priceSource());
    }

    @Test
    void aQuoteRoundTripsThroughItsEventUnchanged() {
        QuoteDetails quote = new QuoteDetails(8, "Q-000008", 2, 3, 2, QuoteStatus.ACCEPTED, "EUR",
                java.time.LocalDate.of(2026, 12, 31), new BigDecimal("100.00"), new BigDecimal("19.00"),
                new BigDecimal("119.00"), true, false, List.of(new QuoteDetails.Line(1, null, "Setup", BigDecimal.ONE,
                new BigDecimal("100"), BigDecimal.ZERO, new BigDecimal("100.00"), "VAT19", new BigDecimal("19.00"),
                new BigDecimal("119.00"), PriceSource.MANUAL, 12)));
        DomainEvent event = PipelineEvents.QUOTE_ACCEPTED.created("8", "itest", quote);
        assertEquals("quote", event.recordType());
        assertEquals(quote, PipelineEvents.QUOTE_ACCEPTED.payload(event));
    }

    @Test
    void aPayloadThatDoesNotFitItsContractCanNeverBeDeliveredAndSaysWhy() {
        DomainEvent broken = new DomainEvent(UUID.randomUUID(), "pipeline.quote.accepted", "quote", "7", 1, 1,
                Instant.now(), "itest", Map.of("id", "seven", "lines", "none"), Map.of());
        UndeliverableEvent e = assertThrows(UndeliverableEvent.class, () -> PipelineEvents.QUOTE_ACCEPTED.payload(broken));
        assertTrue(e.getMessage().contains("does not fit QuoteDetails"), e.getMessage());
    }
}
