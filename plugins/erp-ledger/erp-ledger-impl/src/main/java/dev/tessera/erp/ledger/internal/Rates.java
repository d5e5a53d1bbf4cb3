package dev.tessera.erp.ledger.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import dev.tessera.erp.ledger.api.ExchangeRate;
import dev.tessera.erp.ledger.api.LedgerErrors;
import dev.tessera.platform.api.FieldError;
import dev.tessera.platform.api.ValidationException;
import dev.tessera.platform.support.Sql;

/** Exchange rates on LDG_RATE: base-currency units per unit of a currency, from a date on. */
final class Rates {
    private static final BigDecimal TOO_LARGE = new BigDecimal("100000000000");

    private final Books books;
    private final LedgerPublisher events;

    Rates(Books books, LedgerPublisher events) {
        this.books = books;
        this.events = events;
    }

    ExchangeRate set(Connection db, String currency, LocalDate date, BigDecimal rate, String actor) {
        List<FieldError> errors = new ArrayList<>();
        try {
            if (currency == null || Currency.getInstance(currency).equals(books.base())) {
                errors.add(new FieldError("currency", "must be a currency other than the base currency "
                        + books.currency()));
            }
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("currency", "'" + currency + "' is not an ISO 4217 currency code"));
        }
        if (date == null) {
            errors.add(new FieldError("date", "is required (YYYY-MM-DD)"));
        } else if (date.getYear() < Periods.FIRST_YEAR || date.getYear() > Periods.LAST_YEAR) {
            errors.add(new FieldError("date", "must be in the years " + Periods.FIRST_YEAR + " to " + Periods.LAST_YEAR));
        }
        if (rate == null || rate.signum() <= 0 || rate.scale() > 8 || rate.compareTo(TOO_LARGE) >= 0) {
            errors.add(new FieldError("rate", "must be a positive number with at most 8 decimals: "
                    + books.currency() + " per unit of the currency"));
        }
        ValidationException.throwIfAny(LedgerErrors.INVALID_RATE, "The exchange rate", errors);
        BigDecimal before = (BigDecimal) Sql.value(db, "SELECT RATE FROM LDG_RATE WHERE CURRENCY = ? AND RATE_DATE = ?",
                currency, date);
        if (before == null) {
            Sql.insert(db, "LDG_RATE", Map.of("CURRENCY", currency, "RATE_DATE", date, "RATE", rate));
        } else if (before.compareTo(rate) != 0) {
            Sql.execute(db, "UPDATE LDG_RATE SET RATE = ? WHERE CURRENCY = ? AND RATE_DATE = ?", rate, currency, date);
        }
        ExchangeRate result = new ExchangeRate(currency, date, rate.stripTrailingZeros());
        if (before == null || before.compareTo(rate) != 0) {
            events.rateSet(db, result, before == null ? null : before.stripTrailingZeros(), actor);
        }
        return result;
    }

    static List<ExchangeRate> of(Connection db, String currency) {
        return Sql.rows(db, "SELECT CURRENCY, RATE_DATE, RATE FROM LDG_RATE WHERE CURRENCY = ? ORDER BY RATE_DATE DESC",
                currency).stream().map(r -> new ExchangeRate(Sql.text(r[0]), Sql.date(r[1]),
                        ((BigDecimal) r[2]).stripTrailingZeros())).toList();
    }

    /** The rate in force on a date: the latest one recorded on or before it, or null when there is none. */
    static BigDecimal rateOn(Connection db, String currency, LocalDate date) {
        return (BigDecimal) Sql.value(db, "SELECT RATE FROM LDG_RATE WHERE CURRENCY = ? AND RATE_DATE <= ?"
                + " ORDER BY RATE_DATE DESC", currency, date);
    }
}
