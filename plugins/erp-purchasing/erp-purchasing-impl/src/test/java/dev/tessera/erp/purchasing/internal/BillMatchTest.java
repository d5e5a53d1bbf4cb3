package dev.tessera.erp.purchasing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import dev.tessera.erp.purchasing.api.PurchaseOrderLine;

class BillMatchTest {
    private static final BillMatch TWO_PERCENT = new BillMatch(new BigDecimal("2"));

    private static PurchaseOrderLine line(String sku, String ordered, String received, String billed) {
        return new PurchaseOrderLine(1, sku, "Mug", new BigDecimal(ordered), new BigDecimal("10.00"), null,
                BigDecimal.TEN, null, BigDecimal.ZERO, BigDecimal.TEN, LocalDate.of(2026, 3, 8), "MAIN",
                new BigDecimal(received), new BigDecimal(billed));
    }

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void aStockLineMatchesUpToWhatWasReceivedAndNotBilledYet() {
        PurchaseOrderLine l = line("MUG-1", "100", "60", "20");
        assertTrue(TWO_PERCENT.match(l, BigDecimal.ZERO, d("40"), d("10.00")).matched());
        BillMatch.Result over = TWO_PERCENT.match(l, BigDecimal.ZERO, d("41"), d("10.00"));
        assertFalse(over.quantityMatched());
        assertTrue(over.priceMatched());
        assertEquals("billed 41 but only 40 received and not billed yet (ordered 100, received 60, billed 20)",
                over.reason());
        // an earlier line of the same bill takes its part first
        assertFalse(TWO_PERCENT.match(l, d("30"), d("11"), d("10.00")).quantityMatched());
    }

    @Test
    void aNonStockLineMatchesTwoWaysAgainstWhatWasOrdered() {
        PurchaseOrderLine freight = line(null, "1", "0", "0");
        assertTrue(TWO_PERCENT.match(freight, BigDecimal.ZERO, d("1"), d("10.00")).matched());
        assertEquals("billed 2 but only 1 ordered and not billed yet (ordered 1, billed 0)",
                TWO_PERCENT.match(freight, BigDecimal.ZERO, d("2"), d("10.00")).reason());
    }

    @Test
    void thePriceMayDifferByTheToleranceEitherWayAndNoMore() {
        PurchaseOrderLine l = line("MUG-1", "10", "10", "0");
        assertNull(TWO_PERCENT.match(l, BigDecimal.ZERO, d("10"), d("10.20")).reason());
        assertTrue(TWO_PERCENT.match(l, BigDecimal.ZERO, d("10"), d("9.80")).matched());
        BillMatch.Result dear = TWO_PERCENT.match(l, BigDecimal.ZERO, d("10"), d("10.21"));
        assertFalse(dear.priceMatched());
        assertEquals("price 10.21 is 2.1 % above the order's 10; the price tolerance is 2 %", dear.reason());
        BillMatch.Result both = TWO_PERCENT.match(l, BigDecimal.ZERO, d("11"), d("9.00"));
        assertTrue(both.reason().startsWith("billed 11 but only 10"), both.reason());
        assertTrue(both.reason().endsWith("price 9 is 10 % below the order's 10; the price tolerance is 2 %"),
                both.reason());
    }
}
