package dev.tessera.platform.support;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.tessera.platform.api.FieldError;
import dev.tessera.platform.api.event.FieldChange;

/** The {@code changes} of a domain event, and the text checks every record's fields share. */
public final class Changes {
    private Changes() {
    }

    /** Every field of a new record, as new. */
    public static Map<String, FieldChange> created(Map<String, Object> payload) {
        Map<String, FieldChange> changes = new LinkedHashMap<>();
        payload.forEach((k, v) -> changes.put(k, new FieldChange(null, v)));
        return changes;
    }

    /** The fields whose values differ between two payloads of a record, old and new. */
    public static Map<String, FieldChange> diff(Map<String, Object> before, Map<String, Object> after) {
        Map<String, FieldChange> changes = new LinkedHashMap<>();
        Set<String> keys = new LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            if (!Objects.equals(before.get(key), after.get(key))) {
                changes.put(key, new FieldChange(before.get(key), after.get(key)));
            }
        }
        return changes;
    }

    /** A text field trimmed (null when blank), with an error when it is required and missing or too long. */
    public static String text(String value, String field, int max, boolean required, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError(field, "is required"));
            }
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.length() > max) {
            errors.add(new FieldError(field, "is longer than " + max + " characters"));
        }
        invisible(trimmed).ifPresent(c -> errors.add(new FieldError(field, "contains the invisible control character "
                + c + ", which could make it display as something else; remove it")));
        return trimmed;
    }

    /**
     * The first control character in a text that no business text needs and that can disguise it: C0 and C1
     * controls other than tab, line feed and carriage return, and the bidirectional overrides and isolates
     * (U+202A to U+202E, U+2066 to U+2069) that make "invoice.pdf" of "fdp.eciovni". As "U+202E".
     */
    public static java.util.Optional<String> invisible(String text) {
        if (text == null) {
            return java.util.Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7f && c <= 0x9f;
            boolean bidi = c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069;
            if (control || bidi) {
                return java.util.Optional.of(String.format("U+%04X", (int) c));
            }
        }
        return java.util.Optional.empty();
    }

    /** Puts a value only when it is there: payloads leave out what a record does not have. */
    public static void putIf(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
