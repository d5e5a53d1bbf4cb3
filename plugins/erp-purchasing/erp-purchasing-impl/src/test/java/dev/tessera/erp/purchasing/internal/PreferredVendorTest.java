package dev.tessera.erp.purchasing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.tessera.erp.purchasing.api.PriceAgreement;
import dev.tessera.erp.purchasing.api.Vendor;

class PreferredVendorTest {
    private static final LocalDate DAY = LocalDate.of(2026, 6, 1);

    private static Vendor vendor(long id, String code, boolean active, int leadTime) {
        return new Vendor(id, code, code, "EUR", 30, null, leadTime, null, null, active, 1, Instant.EPOCH, "t");
    }

    private static PriceAgreement price(long id, Vendor v, String price, String min, Integer leadTime) {
        return new PriceAgreement(id, v.id(), v.code(), "MUG-1", new BigDecimal(price), "EUR", new BigDecimal(min),
                leadTime, DAY.minusDays(10), null, Instant.EPOCH, "t");
    }

    @Test
    void theLowestPriceForTheQuantityWinsThenTheShorterLeadTime() {
        Vendor a = vendor(1, "A", true, 10);
        Vendor b = vendor(2, "B", true, 3);
        Vendor c = vendor(3, "C", false, 1);
        Map<Vendor, List<PriceAgreement>> offers = new LinkedHashMap<>();
        offers.put(a, List.of(price(1, a, "2.50", "0", null), price(2, a, "2.00", "500", null)));
        offers.put(b, List.of(price(3, b, "2.50", "0", null)));
        offers.put(c, List.of(price(4, c, "1.00", "0", null)));
        PreferredVendor.Choice choice = PreferredVendor.choose(offers, new BigDecimal("100"), DAY).orElseThrow();
        assertEquals("B", choice.vendor().code(), "same price, shorter lead time; the inactive vendor is left out");
        assertEquals(0, new BigDecimal("100").compareTo(choice.quantity()));
        assertEquals("A", PreferredVendor.choose(offers, new BigDecimal("500"), DAY).orElseThrow().vendor().code());
    }

    @Test
    void aQuantityBelowEveryMinimumRisesToTheSmallestOne() {
        Vendor a = vendor(1, "A", true, 10);
        Map<Vendor, List<PriceAgreement>> offers = Map.of(a, List.of(price(1, a, "2.00", "50", null)));
        PreferredVendor.Choice choice = PreferredVendor.choose(offers, new BigDecimal("20"), DAY).orElseThrow();
        assertEquals(0, new BigDecimal("50").compareTo(choice.quantity()));
        assertTrue(PreferredVendor.choose(Map.of(), BigDecimal.ONE, DAY).isEmpty());
    }

    @Test
    void aVendorSellingTheQuantityAskedBeatsACheaperOneWhoseMinimumIsLarger() {
        Vendor small = vendor(1, "SMALL", true, 3);
        Vendor big = vendor(2, "BIG", true, 20);
        Map<Vendor, List<PriceAgreement>> offers = Map.of(
                small, List.of(price(1, small, "0.04", "100", null)),
                big, List.of(price(2, big, "0.03", "500", null)));
        // 150: only SMALL's agreement prices it
        PreferredVendor.Choice between = PreferredVendor.choose(offers, new BigDecimal("150"), DAY).orElseThrow();
        assertEquals("SMALL", between.vendor().code());
        assertEquals(0, new BigDecimal("150").compareTo(between.quantity()));
        // 50, below both minimums: the smallest minimum, not the cheaper unit of 500
        PreferredVendor.Choice below = PreferredVendor.choose(offers, new BigDecimal("50"), DAY).orElseThrow();
        assertEquals("SMALL", below.vendor().code());
        assertEquals(0, new BigDecimal("100").compareTo(below.quantity()));
        // 600: both sell it, BIG cheaper
        assertEquals("BIG", PreferredVendor.choose(offers, new BigDecimal("600"), DAY).orElseThrow().vendor().code());
    }
}
