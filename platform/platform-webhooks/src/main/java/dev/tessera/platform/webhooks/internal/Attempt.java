package dev.tessera.platform.webhooks.internal;

import java.time.Instant;

/** One try to deliver: the receiver's HTTP status (null when it was not reached), how long it took, what failed. */
public record Attempt(Instant at, Integer status, long durationMillis, String error) {
}
