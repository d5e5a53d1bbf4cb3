package dev.tessera.erp.inventory.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class RevaluationShareTest {
    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void theDifferenceGoesToStockInProportionToWhatOfTheReceiptIsStillOnHand() {
        // 60 received, 20 issued: of a difference of 6.00 on the 60, 4.00 stays in stock
        RevaluationShare.Share share = RevaluationShare.of(d("60"), d("40"), d("60"), d("6.00"), d("400.00"), 2);
        assertEquals(d("40"), share.quantityOnHand());
        assertEquals(d("4.00"), share.stockValue());
        assertEquals(d("2.00"), share.issuedValue());
    }

    @Test
    void allOnHandTakesAllNothingOnHandTakesNothing() {
        assertEquals(d("10.00"), RevaluationShare.of(d("10"), d("25"), d("10"), d("10.00"), d("250.00"), 2)
                .stockValue());
        RevaluationShare.Share gone = RevaluationShare.of(d("10"), d("0"), d("10"), d("-3.00"), d("0"), 2);
        assertEquals(d("0.00"), gone.stockValue());
        assertEquals(d("-3.00"), gone.issuedValue());
    }

    @Test
    void aLowerPriceNeverTakesTheStockBelowZeroAndRoundingKeepsTheSum() {
        RevaluationShare.Share capped = RevaluationShare.of(d("10"), d("10"), d("10"), d("-80.00"), d("50.00"), 2);
        assertEquals(d("-50.00"), capped.stockValue());
        assertEquals(d("-30.00"), capped.issuedValue());
        RevaluationShare.Share third = RevaluationShare.of(d("3"), d("1"), d("3"), d("1.00"), d("9.00"), 2);
        assertEquals(d("0.33"), third.stockValue());
        assertEquals(d("0.67"), third.issuedValue());
        assertEquals(d("1"), third.quantityOnHand());
    }
}
