package dev.tessera.erp.purchasing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tessera.erp.purchasing.api.PriceAgreement;

class PriceChoiceTest {
    private static final LocalDate JAN = LocalDate.of(2026, 1, 1);

    private static PriceAgreement agreement(long id, String price, String min, LocalDate from, LocalDate to) {
        return new PriceAgreement(id, 1, "ACME", "MUG-1", new BigDecimal(price), "EUR", new BigDecimal(min), null,
                from, to, null, "test");
    }

    @Test
    void theGreatestMinimumNotAboveTheQuantityWins() {
        List<PriceAgreement> all = List.of(agreement(1, "2.40", "0", JAN, null), agreement(2, "2.10", "100", JAN, null),
                agreement(3, "1.90", "500", JAN, null));
        LocalDate day = LocalDate.of(2026, 3, 1);
        assertEquals(1, PriceChoice.best(all, new BigDecimal("99"), day).orElseThrow().id());
        assertEquals(2, PriceChoice.best(all, new BigDecimal("100"), day).orElseThrow().id());
        assertEquals(2, PriceChoice.best(all, new BigDecimal("499.5"), day).orElseThrow().id());
        assertEquals(3, PriceChoice.best(all, new BigDecimal("10000"), day).orElseThrow().id());
    }

    @Test
    void onlyAgreementsValidOnTheOrderDateCountBothEndsIncluded() {
        LocalDate end = LocalDate.of(2026, 1, 31);
        List<PriceAgreement> all = List.of(agreement(1, "2.40", "0", JAN, end),
                agreement(2, "2.50", "0", LocalDate.of(2026, 2, 1), null));
        assertEquals(1, PriceChoice.best(all, BigDecimal.TEN, JAN).orElseThrow().id());
        assertEquals(1, PriceChoice.best(all, BigDecimal.TEN, end).orElseThrow().id());
        assertEquals(2, PriceChoice.best(all, BigDecimal.TEN, end.plusDays(1)).orElseThrow().id());
        assertTrue(PriceChoice.best(all, BigDecimal.TEN, JAN.minusDays(1)).isEmpty());
    }

    @Test
    void noAgreementForTooSmallAQuantityOrNoneAtAll() {
        List<PriceAgreement> bulk = List.of(agreement(1, "2.10", "100", JAN, null));
        assertTrue(PriceChoice.best(bulk, new BigDecimal("50"), JAN).isEmpty());
        assertTrue(PriceChoice.best(List.of(), BigDecimal.ONE, JAN).isEmpty());
    }

    @Test
    void amongEqualMinimumsTheLaterStartThenTheLaterAddedWins() {
        List<PriceAgreement> all = List.of(agreement(5, "2.40", "0", JAN, null),
                agreement(3, "2.30", "0", LocalDate.of(2026, 2, 1), null), agreement(4, "2.35", "0", JAN, null));
        assertEquals(3, PriceChoice.best(all, BigDecimal.ONE, LocalDate.of(2026, 3, 1)).orElseThrow().id());
        assertEquals(5, PriceChoice.best(all, BigDecimal.ONE, JAN).orElseThrow().id());
    }
}
