package dev.tessera.platform.support.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import javax.ws.rs.core.SecurityContext;

import dev.tessera.platform.api.ErrorCode;
import dev.tessera.platform.api.FieldError;
import dev.tessera.platform.api.ValidationException;

/** Path and query parameters of the modules' REST resources, read with a field error that says what was expected. */
public final class RestParams {
    private RestParams() {
    }

    /** Who calls: the actor of what the request writes. */
    public static String user(SecurityContext caller) {
        return caller.getUserPrincipal().getName();
    }

    public static long id(String id, ErrorCode invalid) {
        try {
            return Long.parseLong(id.trim());
        } catch (NumberFormatException e) {
            throw new ValidationException(invalid, "'" + id + "' is not an id",
                    List.of(new FieldError("id", "must be a whole number")));
        }
    }

    public static LocalDate date(String name, String value, ErrorCode invalid) {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new ValidationException(invalid, "'" + name + "' is not a date",
                    List.of(new FieldError(name, "must be a date as YYYY-MM-DD, not '" + value + "'")));
        }
    }

    /** A flag: true or false in any case; null when absent or blank. */
    public static Boolean bool(String name, String value, ErrorCode invalid) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.trim().equalsIgnoreCase("true") || value.trim().equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value.trim());
        }
        throw new ValidationException(invalid, "'" + name + "' is true or false",
                List.of(new FieldError(name, "must be true or false, not '" + shown(value) + "'")));
    }

    /** A decimal number such as 2 or 2.5; null when absent. */
    public static java.math.BigDecimal decimal(String name, String value, ErrorCode invalid) {
        if (value == null) {
            return null;
        }
        try {
            return new java.math.BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            throw new ValidationException(invalid, "'" + name + "' is not a number",
                    List.of(new FieldError(name, "must be a number such as 2 or 2.5, not '" + shown(value) + "'")));
        }
    }

    /** What the client sent, cut short when it is long. */
    private static String shown(String value) {
        return value.length() <= 40 ? value : value.substring(0, 37) + "...";
    }

    /** An enum constant by its name in any case, with hyphens for underscores (e.g. {@code partially-shipped}). */
    public static <E extends Enum<E>> E enumValue(Class<E> type, String name, String value, ErrorCode invalid) {
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new ValidationException(invalid, "'" + value + "' is not a " + name,
                    List.of(new FieldError(name, "must be one of " + String.join(", ", Arrays.stream(
                            type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                            .toList()))));
        }
    }
}
