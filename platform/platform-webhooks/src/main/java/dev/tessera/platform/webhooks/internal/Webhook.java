package dev.tessera.platform.webhooks.internal;

import java.time.Instant;
import java.util.List;

/**
 * A webhook subscription as clients see it, with its queue: how many deliveries wait ({@code pendingDeliveries})
 * and the earliest time one of them is to be sent ({@code nextAttemptAt}; in the past while delivery is behind).
 * The secret is never part of it.
 */
public record Webhook(long id, String url, List<String> events, String description, String state,
                      String pausedReason, Instant pausedAt, int consecutiveFailures, String lastError,
                      String createdBy, Instant createdAt, long pendingDeliveries, Instant nextAttemptAt) {
    static final String ACTIVE = "ACTIVE";
    static final String PAUSED = "PAUSED";
}
