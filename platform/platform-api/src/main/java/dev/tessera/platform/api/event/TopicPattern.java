package dev.tessera.platform.api.event;

/**
 * Event type patterns as subscribers use them: an exact type ({@code sales.invoice.issued}), a prefix ending in
 * {@code *} ({@code sales.invoice.*}, {@code sales.*}), or {@code *} for every event.
 */
public record TopicPattern(String pattern) {

    public TopicPattern {
        if (pattern == null || pattern.isBlank() || pattern.indexOf('*') >= 0 && pattern.indexOf('*') != pattern.length() - 1) {
            throw new IllegalArgumentException("Event type pattern '" + pattern
                    + "' is not valid: give a type such as sales.invoice.issued or a prefix ending in *, such as sales.*");
        }
    }

    public boolean matches(String type) {
        if (pattern.endsWith("*")) {
            return type.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return type.equals(pattern);
    }

    /** The pattern as an SQL LIKE expression (with {@code \} as escape character). */
    public String toSqlLike() {
        String escaped = pattern.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return escaped.endsWith("*") ? escaped.substring(0, escaped.length() - 1) + "%" : escaped;
    }
}
