package dev.tessera.platform.api.event;

import java.sql.Connection;

import javax.persistence.EntityManager;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Publishes domain events through the transactional outbox: the event is written in the transaction of the
 * business change that caused it, so there is no change without its event and no event without its change.
 * It is delivered after that transaction commits and never if it rolls back.
 */
@ProviderType
public interface EventPublisher {

    /** Records the event in the transaction of the given entity manager (inside {@code JpaTemplate.tx}). */
    void publish(EntityManager transaction, DomainEvent event);

    /** Records the event in the transaction of the given connection (auto-commit off). */
    void publish(Connection transaction, DomainEvent event);
}
