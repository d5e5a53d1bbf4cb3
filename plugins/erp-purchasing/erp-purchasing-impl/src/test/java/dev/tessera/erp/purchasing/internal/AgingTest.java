package dev.tessera.erp.purchasing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tessera.erp.purchasing.api.AgingLine;

class AgingTest {
    private static final LocalDate DAY = LocalDate.of(2026, 6, 30);

    @Test
    void daysPastTheDueDateFallIntoTheirBucketsDueTodayIsNotDueYet() {
        assertEquals(0, Aging.bucket(DAY, DAY));
        assertEquals(0, Aging.bucket(DAY, DAY.plusDays(5)));
        assertEquals(1, Aging.bucket(DAY, DAY.minusDays(1)));
        assertEquals(1, Aging.bucket(DAY, DAY.minusDays(30)));
        assertEquals(2, Aging.bucket(DAY, DAY.minusDays(31)));
        assertEquals(2, Aging.bucket(DAY, DAY.minusDays(60)));
        assertEquals(3, Aging.bucket(DAY, DAY.minusDays(61)));
        assertEquals(3, Aging.bucket(DAY, DAY.minusDays(90)));
        assertEquals(4, Aging.bucket(DAY, DAY.minusDays(91)));
    }

    @Test
    void aLinePerVendorAndCurrencyLeavesOutWhatIsPaid() {
        List<AgingLine> lines = Aging.lines(DAY, List.of(
                new Aging.Item(2, "ZETA", "Zeta", "EUR", DAY.minusDays(45), new BigDecimal("10.00")),
                new Aging.Item(1, "ACME", "Acme", "EUR", DAY.plusDays(1), new BigDecimal("100.00")),
                new Aging.Item(1, "ACME", "Acme", "EUR", DAY.minusDays(100), new BigDecimal("5.00")),
                new Aging.Item(1, "ACME", "Acme", "USD", DAY.minusDays(10), new BigDecimal("7.00")),
                new Aging.Item(1, "ACME", "Acme", "EUR", DAY.minusDays(10), new BigDecimal("0.00"))));
        assertEquals(3, lines.size());
        AgingLine acme = lines.get(0);
        assertEquals("ACME/EUR", acme.vendorCode() + "/" + acme.currency());
        assertEquals(new BigDecimal("100.00"), acme.notDue());
        assertEquals(new BigDecimal("0.00"), acme.days1To30());
        assertEquals(new BigDecimal("5.00"), acme.over90());
        assertEquals(new BigDecimal("105.00"), acme.total());
        assertEquals(new BigDecimal("7.00"), lines.get(1).days1To30());
        assertEquals("ZETA", lines.get(2).vendorCode());
        assertEquals(new BigDecimal("10.00"), lines.get(2).days31To60());
    }
}
