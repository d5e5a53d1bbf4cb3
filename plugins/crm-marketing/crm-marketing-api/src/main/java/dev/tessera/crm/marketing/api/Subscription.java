package dev.tessera.crm.marketing.api;

import java.time.Instant;

/**
 * A person's subscription to one list, with where its last change came from ({@code source}, e.g. {@code web-form
 * SPRING}) and who made it. {@code confirmationSentAt} is set while it waits for a confirmation.
 */
public record Subscription(String list, String email, SubscriptionStatus status, String source, Instant changedAt,
                           String changedBy, Instant confirmationSentAt, long version) {
}
