package dev.tessera.platform.api;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount in one currency. Amounts keep the scale they were given (unit prices may carry more decimals
 * than the currency has); {@link #rounded()} rounds to the currency's minor unit, half up, as invoices and
 * postings need. Two amounts are equal when they are numerically equal in the same currency
 * ({@code 10.0 EUR} equals {@code 10.00 EUR}).
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    /** Parses a decimal string and an ISO 4217 code, e.g. {@code Money.of("1250.00", "EUR")}. */
    public static Money of(String amount, String currencyCode) {
        return new Money(parseAmount(amount), currency(currencyCode));
    }

    public static Money of(BigDecimal amount, String currencyCode) {
        return new Money(amount, currency(currencyCode));
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO.setScale(Math.max(0, currency.getDefaultFractionDigits())), currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(Objects.requireNonNull(factor, "factor")), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    /** Rounded to the currency's minor unit (2 digits for EUR, 0 for JPY), half up. */
    public Money rounded() {
        int digits = Math.max(0, currency.getDefaultFractionDigits());
        return new Money(amount.setScale(digits, RoundingMode.HALF_UP), currency);
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money m && currency.equals(m.currency) && amount.compareTo(m.amount) == 0;
    }

    @Override
    public int hashCode() {
        return Objects.hash(amount.signum() == 0 ? BigDecimal.ZERO : amount.stripTrailingZeros(), currency);
    }

    /** {@code 1250.00 EUR}: the plain decimal amount, never in exponent notation. */
    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }

    private void requireSameCurrency(Money other) {
        Objects.requireNonNull(other, "other amount");
        if (!currency.equals(other.currency)) {
            throw new TesseraException(PlatformErrors.CURRENCY_MISMATCH,
                    "Cannot combine " + this + " with " + other + ": convert one amount to " + currency.getCurrencyCode() + " first");
        }
    }

    private static BigDecimal parseAmount(String amount) {
        if (amount == null || amount.isBlank()) {
            throw new TesseraException(PlatformErrors.INVALID_ARGUMENT, "Amount is missing: give a decimal number such as 1250.00");
        }
        try {
            return new BigDecimal(amount.trim());
        } catch (NumberFormatException e) {
            throw new TesseraException(PlatformErrors.INVALID_ARGUMENT,
                    "Amount '" + amount + "' is not a decimal number: write it like 1250.00 (dot as decimal separator, no grouping)");
        }
    }

    private static Currency currency(String code) {
        if (code == null || code.isBlank()) {
            throw new TesseraException(PlatformErrors.INVALID_ARGUMENT, "Currency is missing: give an ISO 4217 code such as EUR");
        }
        try {
            return Currency.getInstance(code.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new TesseraException(PlatformErrors.INVALID_ARGUMENT,
                    "Currency '" + code + "' is not an ISO 4217 code: use a code such as EUR, USD or GBP");
        }
    }
}
