package dev.tessera.erp.purchasing.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.tessera.platform.api.FieldError;

/** The field checks purchasing's records share; each adds a field error and returns the cleaned value. */
final class Checks {
    static final Pattern VENDOR_CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{0,19}");
    static final Pattern SKU = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._\\-]{0,39}");
    static final Pattern WAREHOUSE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._\\-]{0,19}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final BigDecimal LIMIT = new BigDecimal("1000000000000");

    private Checks() {
    }

    static String vendorCode(String code, String field, List<FieldError> errors) {
        if (code == null || code.isBlank()) {
            errors.add(new FieldError(field, "is required"));
            return null;
        }
        String trimmed = code.trim();
        if (!VENDOR_CODE.matcher(trimmed).matches()) {
            errors.add(new FieldError(field, "must be 1 to 20 upper-case letters, digits and hyphens, e.g. ACME-01,"
                    + " not '" + code + "'"));
        }
        return trimmed;
    }

    static Currency currency(String code, String field, List<FieldError> errors) {
        if (code == null || !code.trim().matches("[A-Za-z]{3}")) {
            errors.add(new FieldError(field, "'" + code + "' is not an ISO 4217 currency code such as EUR"));
            return null;
        }
        try {
            return Currency.getInstance(code.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "'" + code + "' is not an ISO 4217 currency code such as EUR"));
            return null;
        }
    }

    static String email(String value, String field, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.length() > 254 || !EMAIL.matcher(trimmed).matches()) {
            errors.add(new FieldError(field, "'" + value + "' is not an e-mail address"));
        }
        return trimmed;
    }

    static Integer days(Integer value, String field, List<FieldError> errors) {
        if (value != null && (value < 0 || value > 365)) {
            errors.add(new FieldError(field, "must be 0 to 365 days"));
        }
        return value;
    }

    /** A quantity above zero with at most 4 decimals; required. */
    static BigDecimal quantity(BigDecimal value, String field, List<FieldError> errors) {
        if (value == null) {
            errors.add(new FieldError(field, "is required"));
        } else if (value.signum() <= 0 || value.compareTo(LIMIT) >= 0 || value.stripTrailingZeros().scale() > 4) {
            errors.add(new FieldError(field, "must be greater than zero, below 10^12, with at most 4 decimals"));
        }
        return value;
    }

    /** A price above zero with at most 6 decimals; null passes (the caller decides whether it is required). */
    static BigDecimal price(BigDecimal value, String field, List<FieldError> errors) {
        if (value != null && (value.signum() <= 0 || value.compareTo(LIMIT) >= 0
                || value.stripTrailingZeros().scale() > 6)) {
            errors.add(new FieldError(field, "must be greater than zero, below 10^12, with at most 6 decimals"));
        }
        return value;
    }

    static String code(String value, Pattern pattern, String field, String example, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        if (!pattern.matcher(trimmed).matches()) {
            errors.add(new FieldError(field, "'" + value + "' is not a valid code, e.g. " + example));
        }
        return trimmed;
    }

    static BigDecimal money(Object value, Currency currency) {
        BigDecimal amount = value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
        return amount.setScale(Math.max(0, currency.getDefaultFractionDigits()), RoundingMode.HALF_UP);
    }

    static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }
}
