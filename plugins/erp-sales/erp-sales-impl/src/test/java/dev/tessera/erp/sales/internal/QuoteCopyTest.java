package dev.tessera.erp.sales.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class QuoteCopyTest {
    @Test
    void anAcceptedQuotesPayloadGivesTheOrdersLinesWithTheQuotedAmounts() {
        QuoteCopy quote = QuoteCopy.of(Map.of("id", 7, "number", "Q-000007", "opportunityId", 3, "accountId", 2,
                "currency", "EUR", "lines", List.of(Map.of("line", 1, "sku", "MUG-1", "description", "Mug",
                        "quantity", "400", "unitPrice", "9.9", "discountPercent", "10", "net", "3564.00", "taxCode",
                        "VAT19", "tax", "677.16", "gross", "4241.16"))));
        assertEquals(7, quote.quoteId());
        assertEquals("EUR", quote.currency().getCurrencyCode());
        QuoteCopy.Line line = quote.lines().get(0);
        assertEquals("MUG-1", line.sku());
        assertEquals(new BigDecimal("3564.00"), line.net());
        assertEquals(new BigDecimal("677.16"), line.tax());
    }

    @Test
    void aPayloadWithoutWhatAnOrderNeedsSaysWhatIsMissing() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> QuoteCopy.of(Map.of("id", 7,
                "opportunityId", 3, "accountId", 2, "currency", "EUR")));
        assertTrue(e.getMessage().contains("'lines'"), e.getMessage());
    }
}
