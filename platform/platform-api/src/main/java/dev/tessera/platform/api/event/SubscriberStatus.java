package dev.tessera.platform.api.event;

import java.time.Instant;

/**
 * A durable subscriber's cursor.
 *
 * @param subscriberId  the subscriber
 * @param present       whether its service is registered now
 * @param position      sequence of the last event it has dealt with (handled or dead-lettered)
 * @param behind        how many events after its position are waiting
 * @param failures      consecutive failed deliveries of the event after its position
 * @param lastError     the last failure, or empty
 * @param nextAttemptAt when the next retry is due, or null when none is
 */
public record SubscriberStatus(String subscriberId, boolean present, long position, long behind, int failures,
                               String lastError, Instant nextAttemptAt) {
}
