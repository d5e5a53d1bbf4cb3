package dev.tessera.erp.purchasing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class ReceiptToleranceTest {
    private static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    @Test
    void withoutToleranceNoMoreThanOrdered() {
        ReceiptTolerance none = new ReceiptTolerance(BigDecimal.ZERO);
        assertTrue(none.allows(d("100"), d("60"), d("40")));
        assertFalse(none.allows(d("100"), d("60"), d("40.0001")));
        assertFalse(none.allows(d("100"), d("100"), d("1")));
        assertEquals(0, d("40").compareTo(none.left(d("100"), d("60"))));
        assertEquals(0, BigDecimal.ZERO.compareTo(none.left(d("100"), d("120"))));
    }

    @Test
    void aToleranceAllowsThatManyPercentMore() {
        ReceiptTolerance five = new ReceiptTolerance(d("5"));
        assertEquals(0, d("105").compareTo(five.most(d("100"))));
        assertTrue(five.allows(d("100"), d("100"), d("5")));
        assertFalse(five.allows(d("100"), d("100"), d("5.01")));
        assertEquals(0, d("10.5").compareTo(five.most(d("10"))));
    }

    @Test
    void fractionsOfTheToleranceRoundDown() {
        ReceiptTolerance third = new ReceiptTolerance(d("33.33333"));
        assertEquals(0, d("1.3333").compareTo(third.most(BigDecimal.ONE)));
    }
}
