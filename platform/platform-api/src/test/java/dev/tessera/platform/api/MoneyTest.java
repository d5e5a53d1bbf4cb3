package dev.tessera.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void addsExactlyWithoutBinaryFloatingPointDrift() {
        Money sum = Money.of("0.10", "EUR");
        for (int i = 0; i < 9; i++) {
            sum = sum.plus(Money.of("0.10", "EUR"));
        }
        assertEquals(Money.of("1.00", "EUR"), sum);
        assertEquals("1.00 EUR", sum.toString());
    }

    @Test
    void equalAmountsWithDifferentScaleAreEqualAndHashAlike() {
        Money a = Money.of("10.0", "EUR");
        Money b = Money.of("10.00", "EUR");
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(Money.of("0", "EUR").hashCode(), Money.of("0.000", "EUR").hashCode());
    }

    @Test
    void sameAmountInAnotherCurrencyIsNotEqual() {
        assertNotEquals(Money.of("10", "EUR"), Money.of("10", "USD"));
    }

    @Test
    void combiningCurrenciesIsRefusedWithACode() {
        TesseraException e = assertThrows(TesseraException.class,
                () -> Money.of("10", "EUR").plus(Money.of("1", "USD")));
        assertEquals("platform.currency-mismatch", e.code());
        assertTrue(e.getMessage().contains("10 EUR"), e.getMessage());
    }

    @Test
    void roundsHalfUpToTheCurrencyMinorUnit() {
        assertEquals(new BigDecimal("2.35"), Money.of("2.345", "EUR").rounded().amount());
        assertEquals(new BigDecimal("-2.35"), Money.of("-2.345", "EUR").rounded().amount());
        assertEquals(new BigDecimal("1235"), Money.of("1234.5", "JPY").rounded().amount());
    }

    @Test
    void multipliesAndNegates() {
        assertEquals(Money.of("37.50", "EUR"), Money.of("12.50", "EUR").times(new BigDecimal("3")));
        assertTrue(Money.of("5", "EUR").negate().isNegative());
        assertTrue(Money.zero(java.util.Currency.getInstance("EUR")).isZero());
    }

    @Test
    void printsPlainDecimalsNeverExponents() {
        assertEquals("10000000 EUR", new Money(new BigDecimal("1E+7"), java.util.Currency.getInstance("EUR")).toString());
    }

    @Test
    void badAmountOrCurrencySaysWhatIsWrongAndHowToFixIt() {
        TesseraException amount = assertThrows(TesseraException.class, () -> Money.of("12,50", "EUR"));
        assertEquals("platform.invalid-argument", amount.code());
        assertTrue(amount.getMessage().contains("'12,50'") && amount.getMessage().contains("1250.00"), amount.getMessage());

        TesseraException currency = assertThrows(TesseraException.class, () -> Money.of("1", "EURO"));
        assertTrue(currency.getMessage().contains("ISO 4217"), currency.getMessage());
        assertThrows(TesseraException.class, () -> Money.of(" ", "EUR"));
    }

    @Test
    void comparesWithinOneCurrency() {
        assertTrue(Money.of("2", "EUR").compareTo(Money.of("10", "EUR")) < 0);
        assertThrows(TesseraException.class, () -> Money.of("2", "EUR").compareTo(Money.of("10", "USD")));
    }
}
