package dev.tessera.erp.ledger.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import dev.tessera.erp.ledger.api.PostingLine;
import dev.tessera.erp.ledger.api.PostingRequest;
import dev.tessera.platform.api.FieldError;

/** The checks of a posting request that need no database: shape, amounts, currencies. */
final class Posting {
    static final int MAX_LINES = 5000;

    private Posting() {
    }

    /** Every problem of the request's content, each with the field it is about. */
    static List<FieldError> check(PostingRequest request, Currency base) {
        List<FieldError> errors = new ArrayList<>();
        if (request == null) {
            errors.add(new FieldError("(body)", "is required: date, description and lines"));
            return errors;
        }
        if (request.date() == null) {
            errors.add(new FieldError("date", "is required (YYYY-MM-DD)"));
        } else if (request.date().getYear() < Periods.FIRST_YEAR || request.date().getYear() > Periods.LAST_YEAR) {
            errors.add(new FieldError("date", "must be in the years " + Periods.FIRST_YEAR + " to " + Periods.LAST_YEAR
                    + ", not " + request.date()));
        }
        if (request.description() == null || request.description().isBlank()) {
            errors.add(new FieldError("description", "is required: what the entry records"));
        } else if (request.description().length() > 500) {
            errors.add(new FieldError("description", "has " + request.description().length()
                    + " characters; at most 500 are allowed"));
        }
        if ((request.sourceModule() == null) != (request.sourceReference() == null)) {
            errors.add(new FieldError(request.sourceModule() == null ? "sourceModule" : "sourceReference",
                    "is required together with " + (request.sourceModule() == null ? "sourceReference" : "sourceModule")));
        }
        if (request.sourceModule() != null && request.sourceModule().length() > 100) {
            errors.add(new FieldError("sourceModule", "is longer than 100 characters"));
        }
        if (request.sourceReference() != null && (request.sourceReference().isBlank() || request.sourceReference().length() > 200)) {
            errors.add(new FieldError("sourceReference", "must be 1 to 200 characters"));
        }
        List<PostingLine> lines = request.lines();
        if (lines == null || lines.size() < 2) {
            errors.add(new FieldError("lines", "needs at least two lines: a debit and a credit"));
            return errors;
        }
        if (lines.size() > MAX_LINES) {
            errors.add(new FieldError("lines", "has " + lines.size() + " lines; at most " + MAX_LINES + " are allowed"));
            return errors;
        }
        for (int i = 0; i < lines.size(); i++) {
            checkLine(lines.get(i), "lines[" + i + "].", base, errors);
        }
        return errors;
    }

    private static void checkLine(PostingLine line, String at, Currency base, List<FieldError> errors) {
        if (line == null) {
            errors.add(new FieldError(at.substring(0, at.length() - 1), "is empty"));
            return;
        }
        if (line.account() == null || line.account().isBlank()) {
            errors.add(new FieldError(at + "account", "is required: an account code"));
        }
        Currency currency = base;
        if (line.currency() != null && !line.currency().equals(base.getCurrencyCode())) {
            try {
                currency = Currency.getInstance(line.currency());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(at + "currency", "'" + line.currency() + "' is not an ISO 4217 currency code"));
                return;
            }
            if (line.rate() != null && line.rate().signum() <= 0) {
                errors.add(new FieldError(at + "rate", "must be a positive number of " + base.getCurrencyCode()
                        + " per " + currency.getCurrencyCode()));
            }
        } else if (line.rate() != null && line.rate().compareTo(BigDecimal.ONE) != 0) {
            errors.add(new FieldError(at + "rate", "is only for lines in another currency than " + base.getCurrencyCode()));
        }
        BigDecimal debit = line.debit() == null ? BigDecimal.ZERO : line.debit();
        BigDecimal credit = line.credit() == null ? BigDecimal.ZERO : line.credit();
        if (debit.signum() < 0 || credit.signum() < 0) {
            errors.add(new FieldError(at + (debit.signum() < 0 ? "debit" : "credit"),
                    "must not be negative; put the amount in the other column instead"));
        } else if (debit.signum() > 0 && credit.signum() > 0) {
            errors.add(new FieldError(at + "credit", "a line has a debit or a credit, not both; split it into two lines"));
        } else if (debit.signum() == 0 && credit.signum() == 0) {
            errors.add(new FieldError(at + "debit", "a line needs a debit or a credit greater than zero"));
        } else {
            BigDecimal amount = debit.signum() > 0 ? debit : credit;
            int digits = Math.max(currency.getDefaultFractionDigits(), 0);
            if (amount.stripTrailingZeros().scale() > digits) {
                errors.add(new FieldError(at + (debit.signum() > 0 ? "debit" : "credit"), "has more than " + digits
                        + " decimals, the most " + currency.getCurrencyCode() + " has"));
            } else if (amount.compareTo(new BigDecimal("1000000000000000")) >= 0) {
                errors.add(new FieldError(at + (debit.signum() > 0 ? "debit" : "credit"),
                        "is larger than this ledger takes (below 10^15)"));
            }
        }
        checkText(line.department(), at + "department", 50, errors);
        checkText(line.project(), at + "project", 50, errors);
        checkText(line.memo(), at + "memo", 200, errors);
    }

    private static void checkText(String value, String field, int max, List<FieldError> errors) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, "is longer than " + max + " characters"));
        }
    }

    /** A foreign amount in the base currency, rounded half-up to the base currency's minor unit. */
    static BigDecimal toBase(BigDecimal amount, BigDecimal rate, Currency base) {
        return amount.multiply(rate).setScale(base.getDefaultFractionDigits(), RoundingMode.HALF_UP);
    }
}
