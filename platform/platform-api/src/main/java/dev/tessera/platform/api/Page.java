package dev.tessera.platform.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One page of a list, in a stable order. {@code next} is an opaque cursor for the following page, or null on the
 * last page. Lists page by key (the last key seen), never by offset, so rows added meanwhile neither repeat nor
 * go missing.
 */
public record Page<T>(List<T> items, String next) {
    /** The most items one page holds, whatever the client asks for. */
    public static final int MAX_LIMIT = 1000;

    public Page {
        items = List.copyOf(items);
    }

    /**
     * Cuts a page from {@code rows}, fetched with {@code limit + 1} so that the extra row tells whether another page
     * follows; the cursor carries the key of the last row kept.
     */
    public static <T> Page<T> of(List<T> rows, int limit, Function<T, ?> key) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<T> kept = rows.subList(0, limit);
        return new Page<>(kept, encode(String.valueOf(key.apply(kept.get(limit - 1)))));
    }

    /** The key a cursor carries, or null for none; a cursor that was not made here is refused. */
    public static String key(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8);
            if (decoded.startsWith("k:")) {
                return decoded.substring(2);
            }
        } catch (IllegalArgumentException e) {
            // refused below
        }
        throw new TesseraException(PlatformErrors.INVALID_ARGUMENT, "'cursor' must be the 'next' value of the previous"
                + " page, unchanged; '" + cursor + "' is not one");
    }

    /** The numeric key a cursor carries, or {@code none} when there is no cursor. */
    public static long longKey(String cursor, long none) {
        String key = key(cursor);
        if (key == null) {
            return none;
        }
        try {
            return Long.parseLong(key);
        } catch (NumberFormatException e) {
            throw new TesseraException(PlatformErrors.INVALID_ARGUMENT, "'cursor' must be the 'next' value of the"
                    + " previous page, unchanged; '" + cursor + "' is not one");
        }
    }

    /** Checks a client's page size: a whole number from 1 to {@link #MAX_LIMIT}; null gives {@code otherwise}. */
    public static int limit(String limit, int otherwise) {
        if (limit == null || limit.isBlank()) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(limit.trim());
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new TesseraException(PlatformErrors.INVALID_ARGUMENT, "'limit' must be a whole number from 1 to "
                + MAX_LIMIT + ", not '" + limit + "'");
    }

    private static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("k:" + Objects.requireNonNull(key))
                .getBytes(StandardCharsets.UTF_8));
    }
}
