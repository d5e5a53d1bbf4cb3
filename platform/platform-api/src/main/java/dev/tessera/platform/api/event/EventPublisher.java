package dev.tessera.platform.api.event;

import java.sql.Connection;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Publishes domain events through the transactional outbox: the event is written in the transaction of the
 * business change that caused it, so there is no change without its event and no event without its change.
 * It is delivered after that transaction commits and never if it rolls back.
 * <p>
 * A module publishes only the event types its {@link dev.tessera.platform.api.ModuleDescriptor} declares, each about
 * a record type it owns; anything else is refused with {@code platform.not-owner} (or
 * {@code platform.undeclared-event}) and the caller's transaction with it.
 */
@ProviderType
public interface EventPublisher {

    /**
     * Records the event in the transaction of the given connection: the one that
     * {@link dev.tessera.platform.api.persistence.Transactions#required} hands to the work.
     */
    void publish(Connection transaction, DomainEvent event);
}
