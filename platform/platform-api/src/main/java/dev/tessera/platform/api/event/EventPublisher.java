package dev.tessera.platform.api.event;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Publishes domain events through the transactional outbox: the event is written in the transaction of the
 * business change that caused it, so there is no change without its event and no event without its change.
 */
@ProviderType
public interface EventPublisher {

    /**
     * Records the event in the caller's current transaction; it is delivered after that transaction commits and
     * discarded if it rolls back.
     *
     * @param transaction the caller's open transaction handle (a {@code javax.persistence.EntityManager} or a
     *                    {@code java.sql.Connection} taking part in the business transaction)
     */
    void publish(Object transaction, DomainEvent event);
}
