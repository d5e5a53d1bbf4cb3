package dev.tessera.platform.webhooks.internal;

import java.time.Instant;

/** One event on its way to one webhook: PENDING until the receiver answers 2xx, then DELIVERED. */
public record Delivery(long id, long webhookId, String eventId, String eventType, String state, int attempts,
                       Integer lastStatus, String lastError, Instant createdAt, Instant nextAttemptAt,
                       Instant deliveredAt) {
    static final String PENDING = "PENDING";
    static final String DELIVERED = "DELIVERED";
}
