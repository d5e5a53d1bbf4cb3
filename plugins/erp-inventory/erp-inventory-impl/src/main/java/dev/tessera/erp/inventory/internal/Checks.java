package dev.tessera.erp.inventory.internal;

import java.math.BigDecimal;
import java.util.List;

import dev.tessera.platform.api.FieldError;

/** Field checks shared by the catalog and the stock service. */
final class Checks {
    static final int QUANTITY_SCALE = 4;

    private Checks() {
    }


    static String text(String value, String field, int max, boolean required, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return null;
        }
        if (value.trim().length() > max) {
            errors.add(new FieldError(field, "is longer than " + max + " characters"));
        }
        return value.trim();
    }

    /** A quantity greater than zero with at most four decimals. */
    static BigDecimal quantity(BigDecimal value, String field, List<FieldError> errors) {
        if (value == null) {
            errors.add(new FieldError(field, "is required: a number greater than zero"));
            return null;
        }
        if (value.signum() <= 0) {
            errors.add(new FieldError(field, "must be greater than zero, not " + value.toPlainString()));
            return null;
        }
        return scaled(value, field, errors);
    }

    /** Zero or more, at most four decimals (a count, a reorder point). */
    static BigDecimal notNegative(BigDecimal value, String field, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        if (value.signum() < 0) {
            errors.add(new FieldError(field, "must not be negative"));
            return null;
        }
        return scaled(value, field, errors);
    }

    private static BigDecimal scaled(BigDecimal value, String field, List<FieldError> errors) {
        if (value.stripTrailingZeros().scale() > QUANTITY_SCALE) {
            errors.add(new FieldError(field, "has more than " + QUANTITY_SCALE + " decimals"));
            return null;
        }
        if (value.compareTo(new BigDecimal("1000000000000")) >= 0) {
            errors.add(new FieldError(field, "is larger than this inventory takes (below 10^12)"));
            return null;
        }
        return value.setScale(QUANTITY_SCALE);
    }

    /** A cost or price: zero or more, at most six decimals. */
    static BigDecimal money(BigDecimal value, String field, boolean required, List<FieldError> errors) {
        if (value == null) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return null;
        }
        if (value.signum() < 0 || value.stripTrailingZeros().scale() > 6
                || value.compareTo(new BigDecimal("1000000000000")) >= 0) {
            errors.add(new FieldError(field, "must be zero or more, below 10^12, with at most 6 decimals"));
            return null;
        }
        return value;
    }
}
