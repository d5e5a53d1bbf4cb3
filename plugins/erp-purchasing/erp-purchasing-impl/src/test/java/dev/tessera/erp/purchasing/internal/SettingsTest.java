package dev.tessera.erp.purchasing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.annotation.Annotation;
import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class SettingsTest {
    private static PurchasingConfig config(String currency, String above, String tolerance) {
        return new PurchasingConfig() {
            @Override public Class<? extends Annotation> annotationType() { return PurchasingConfig.class; }
            @Override public String currency() { return currency; }
            @Override public int paymentTermsDays() { return 30; }
            @Override public int leadTimeDays() { return 7; }
            @Override public String approvalAbove() { return above; }
            @Override public String receiptTolerancePercent() { return tolerance; }
            @Override public String billPriceTolerancePercent() { return "2"; }
        };
    }

    @Test
    void theShippedDefaultsRead() {
        Settings s = Settings.of(config("EUR", "5000", "0"));
        assertEquals("EUR", s.currency().getCurrencyCode());
        assertEquals(0, new BigDecimal("5000").compareTo(s.approvalAbove()));
        assertEquals(0, BigDecimal.ZERO.compareTo(s.receiptTolerancePercent()));
    }

    @Test
    void aWrongSettingSaysWhich() {
        assertEquals("currency: 'EURO' is not an ISO 4217 code",
                assertThrows(IllegalArgumentException.class, () -> Settings.of(config("EURO", "1", "0"))).getMessage());
        assertEquals("approvalAbove: 'lots' is not a number such as 5000",
                assertThrows(IllegalArgumentException.class, () -> Settings.of(config("EUR", "lots", "0"))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Settings.of(config("EUR", "1", "-1")));
    }
}
