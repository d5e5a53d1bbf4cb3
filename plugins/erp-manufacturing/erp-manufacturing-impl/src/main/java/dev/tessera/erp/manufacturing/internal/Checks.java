package dev.tessera.erp.manufacturing.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.tessera.platform.api.FieldError;

/** The field checks manufacturing's records share; each adds a field error and returns the cleaned value. */
final class Checks {
    static final Pattern CENTER_CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,19}");
    static final Pattern SKU = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._\\-]{0,39}");
    static final BigDecimal HUNDRED = new BigDecimal(100);
    private static final BigDecimal LIMIT = new BigDecimal("1000000000000");

    private Checks() {
    }

    static String centerCode(String code, String field, List<FieldError> errors) {
        if (code == null || code.isBlank()) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        String trimmed = code.trim().toUpperCase(Locale.ROOT);
        if (!CENTER_CODE.matcher(trimmed).matches()) {
            errors.add(new FieldError(field, "must be 1 to 20 letters, digits and hyphens, e.g. ASSEMBLY-1, not '"
                    + code + "'"));
        }
        return trimmed;
    }

    static String sku(String sku, String field, List<FieldError> errors) {
        if (sku == null || sku.isBlank()) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        String trimmed = sku.trim();
        if (!SKU.matcher(trimmed).matches()) {
            errors.add(new FieldError(field, "must be an item's SKU (letters, digits, '.', '_', '-', up to 40), e.g."
                    + " MUG-1, not '" + sku + "'"));
        }
        return trimmed;
    }

    /** A quantity above zero with at most 6 decimals; required. */
    static BigDecimal quantity(BigDecimal value, String field, List<FieldError> errors) {
        if (value == null) {
            errors.add(new FieldError(field, "is required"));
        } else if (value.signum() <= 0 || value.compareTo(LIMIT) >= 0 || value.stripTrailingZeros().scale() > 6) {
            errors.add(new FieldError(field, "must be greater than zero, below 10^12, with at most 6 decimals, not "
                    + shown(value)));
        }
        return value;
    }

    /** An amount or a time of zero or more with at most 6 decimals; null passes (the caller's default). */
    static BigDecimal notNegative(BigDecimal value, String field, List<FieldError> errors) {
        if (value != null && (value.signum() < 0 || value.compareTo(LIMIT) >= 0
                || value.stripTrailingZeros().scale() > 6)) {
            errors.add(new FieldError(field, "must be zero or more, below 10^12, with at most 6 decimals, not "
                    + shown(value)));
        }
        return value;
    }

    /** Scrap: 0 to below 100 %, at most 4 decimals; null is 0. */
    static BigDecimal scrap(BigDecimal value, String field, List<FieldError> errors) {
        if (value == null) {
            return BigDecimal.ZERO;
        }
        if (value.signum() < 0 || value.compareTo(HUNDRED) >= 0 || value.stripTrailingZeros().scale() > 4) {
            errors.add(new FieldError(field, "must be a percentage from 0 to below 100 with at most 4 decimals"
                    + " (the share of the component lost in making), not " + shown(value)));
        }
        return value;
    }

    /** A number as a message may show it: one with very many digits (or a huge exponent) is not written out. */
    static String shown(BigDecimal value) {
        if (value.precision() > 30 || value.scale() > 30 || value.precision() - value.scale() > 30) {
            return "a number with " + (value.precision() - value.scale() > 30 ? "that many digits" : "that many decimals");
        }
        return value.toPlainString();
    }

    /** Hours a work center works a day: above 0, at most 24, 2 decimals. */
    static BigDecimal hoursPerDay(BigDecimal value, String field, List<FieldError> errors) {
        if (value != null && (value.signum() <= 0 || value.compareTo(new BigDecimal(24)) > 0
                || value.stripTrailingZeros().scale() > 2)) {
            errors.add(new FieldError(field, "must be above 0 and at most 24 hours, with at most 2 decimals, not "
                    + shown(value)));
        }
        return value;
    }
}
