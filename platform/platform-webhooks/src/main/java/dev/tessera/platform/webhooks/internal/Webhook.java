package dev.tessera.platform.webhooks.internal;

import java.time.Instant;
import java.util.List;

/** A webhook subscription as clients see it; the secret is never part of it. */
public record Webhook(long id, String url, List<String> events, String description, String state,
                      String pausedReason, Instant pausedAt, int consecutiveFailures, String lastError,
                      String createdBy, Instant createdAt) {
    static final String ACTIVE = "ACTIVE";
    static final String PAUSED = "PAUSED";
}
