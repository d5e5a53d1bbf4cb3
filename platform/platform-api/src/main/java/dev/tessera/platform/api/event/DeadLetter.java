package dev.tessera.platform.api.event;

import java.time.Instant;

/**
 * An event a subscriber failed to handle after all its retries.
 *
 * @param id           dead letter id, for replay
 * @param subscriberId the subscriber that failed
 * @param event        the event
 * @param attempts     how many deliveries failed
 * @param lastError    the last failure
 * @param deadAt       when it was given up
 */
public record DeadLetter(long id, String subscriberId, StoredEvent event, int attempts, String lastError, Instant deadAt) {
}
