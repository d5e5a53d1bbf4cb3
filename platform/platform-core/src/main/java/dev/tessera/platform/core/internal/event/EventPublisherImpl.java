package dev.tessera.platform.core.internal.event;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

import javax.persistence.EntityManager;
import javax.persistence.PersistenceException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.tessera.platform.api.PlatformErrors;
import dev.tessera.platform.api.TesseraException;
import dev.tessera.platform.api.event.DomainEvent;
import dev.tessera.platform.api.event.EventInbox;
import dev.tessera.platform.api.event.EventPublisher;
import dev.tessera.platform.api.persistence.ModuleSchema;

/** Writes events into the outbox table in the caller's transaction; the dispatcher delivers them after commit. */
@Component(service = {EventPublisher.class, EventInbox.class})
public final class EventPublisherImpl implements EventPublisher, EventInbox {

    @Activate
    public EventPublisherImpl(@Reference(target = "(tessera.module=platform)") ModuleSchema schema) {
        // the outbox table exists once the platform schema is registered
    }

    @Override
    public void publish(EntityManager transaction, DomainEvent event) {
        requireTransaction(transaction, event);
        try {
            EventStore.insert(transaction, event);
        } catch (PersistenceException e) {
            throw failure("record event " + event.type() + " " + event.id(), e);
        }
    }

    @Override
    public void publish(Connection transaction, DomainEvent event) {
        Objects.requireNonNull(event, "event");
        try {
            requireTransaction(transaction);
            EventStore.insert(transaction, event);
        } catch (SQLException e) {
            throw failure("record event " + event.type() + " " + event.id(), e);
        }
    }

    @Override
    public boolean firstDelivery(EntityManager transaction, String subscriberId, DomainEvent event) {
        requireTransaction(transaction, event);
        try {
            return EventStore.markProcessed(transaction, subscriberId, event.id().toString());
        } catch (PersistenceException e) {
            throw failure("mark event " + event.id() + " processed by " + subscriberId, e);
        }
    }

    @Override
    public boolean firstDelivery(Connection transaction, String subscriberId, DomainEvent event) {
        try {
            requireTransaction(transaction);
            return EventStore.markProcessed(transaction, subscriberId, event.id().toString());
        } catch (SQLException e) {
            throw failure("mark event " + event.id() + " processed by " + subscriberId, e);
        }
    }

    private static void requireTransaction(EntityManager em, DomainEvent event) {
        Objects.requireNonNull(event, "event");
        if (em == null || !em.isJoinedToTransaction() && !em.getTransaction().isActive()) {
            throw new IllegalStateException("Events are published inside the business transaction: call publish from"
                    + " within JpaTemplate.tx(...) with its EntityManager");
        }
    }

    private static void requireTransaction(Connection connection) throws SQLException {
        if (connection == null || connection.getAutoCommit()) {
            throw new IllegalStateException("Events are published inside the business transaction: turn auto-commit off"
                    + " and commit the connection after the change and its event");
        }
    }

    private static TesseraException failure(String what, Exception e) {
        return new TesseraException(PlatformErrors.PERSISTENCE_FAILED, "Could not " + what + ": " + e.getMessage(), e);
    }
}
