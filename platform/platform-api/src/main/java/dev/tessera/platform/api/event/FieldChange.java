package dev.tessera.platform.api.event;

/**
 * The old and new value of one field in a change event. Values are JSON-compatible: {@code null}, strings,
 * booleans, numbers (decimals as {@link java.math.BigDecimal}), lists and maps of these.
 */
public record FieldChange(Object oldValue, Object newValue) {
}
