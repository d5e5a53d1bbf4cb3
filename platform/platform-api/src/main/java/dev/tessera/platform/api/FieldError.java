package dev.tessera.platform.api;

import java.util.Objects;

/**
 * One thing wrong with one field of a request: {@code field} is its path as the client sent it
 * ({@code lines[2].quantity}), {@code message} says what a valid value looks like.
 */
public record FieldError(String field, String message) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
