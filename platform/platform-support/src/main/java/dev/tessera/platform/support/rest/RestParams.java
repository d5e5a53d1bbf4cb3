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
