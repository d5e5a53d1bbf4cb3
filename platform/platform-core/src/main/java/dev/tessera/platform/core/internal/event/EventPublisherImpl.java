package dev.tessera.platform.core.internal.event;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;

import dev.tessera.platform.api.ModuleDescriptor;
import dev.tessera.platform.api.OwnershipRegistry;
import dev.tessera.platform.api.PlatformErrors;
import dev.tessera.platform.api.RecordType;
import dev.tessera.platform.api.TesseraException;
import dev.tessera.platform.api.event.DomainEvent;
import dev.tessera.platform.api.event.EventInbox;
import dev.tessera.platform.api.event.EventPublisher;
import dev.tessera.platform.api.persistence.ModuleSchema;

/**
 * Writes events into the outbox table in the caller's transaction; the dispatcher delivers them after commit.
 * <p>
 * One instance per using bundle, so it knows who writes: a module may publish changes of the record types it owns
 * (or that nobody owns) only. An event {@code <module>.<record>.<verb>} about a record type another module owns is
 * refused with {@code platform.not-owner}, and the caller's transaction with it: a module keeps copies of others'
 * records from their events, it never writes them.
 */
@Component(service = {EventPublisher.class, EventInbox.class}, scope = ServiceScope.BUNDLE)
public final class EventPublisherImpl implements EventPublisher, EventInbox {
    private final OwnershipRegistry ownership;
    private final Bundle caller;
    private final BundleContext context;
    private volatile String callerModule;

    @Activate
    public EventPublisherImpl(@Reference(target = "(tessera.module=platform)") ModuleSchema schema,
                              @Reference OwnershipRegistry ownership, ComponentContext component) {
        // the outbox table exists once the platform schema is registered
        this.ownership = ownership;
        this.caller = component == null ? null : component.getUsingBundle();
        this.context = component == null ? null : component.getBundleContext();
    }

    /** Refuses an event about a record type that another module than the caller's owns. */
    private void requireOwner(DomainEvent event) {
        String module = callerModule();
        if (module == null) {
            return; // the kernel, or a bundle that is no module
        }
        RecordType record;
        try {
            record = RecordType.of(event.type().split("\\.")[1]);
        } catch (IllegalArgumentException notARecordType) {
            return;
        }
        ownership.ownerOf(record).filter(owner -> !owner.equals(module)).ifPresent(owner ->
                ownership.requireOwner(module, record));
    }

    /** The module whose descriptor the calling bundle registers; null while it has none. */
    private String callerModule() {
        String known = callerModule;
        if (known != null || caller == null) {
            return known;
        }
        ServiceReference<?>[] registered = caller.getRegisteredServices();
        if (registered == null) {
            return null;
        }
        for (ServiceReference<?> ref : registered) {
            Object classes = ref.getProperty(org.osgi.framework.Constants.OBJECTCLASS);
            if (classes instanceof String[] names && java.util.Arrays.asList(names).contains(
                    ModuleDescriptor.class.getName())) {
                Object descriptor = context.getService(ref);
                try {
                    if (descriptor instanceof ModuleDescriptor d) {
                        callerModule = d.id();
                        return callerModule;
                    }
                } finally {
                    context.ungetService(ref);
                }
            }
        }
        return null;
    }

    @Override
    public void publish(Connection transaction, DomainEvent event) {
        Objects.requireNonNull(event, "event");
        requireOwner(event);
        try {
            requireTransaction(transaction);
            EventStore.insert(transaction, event);
        } catch (SQLException e) {
            throw failure("record event " + event.type() + " " + event.id(), e);
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

    private static void requireTransaction(Connection connection) throws SQLException {
        if (connection == null || connection.getAutoCommit()) {
            throw new IllegalStateException("Events are published inside the business transaction: publish with the"
                    + " connection that Transactions.required hands to the work");
        }
    }

    private static TesseraException failure(String what, Exception e) {
        return new TesseraException(PlatformErrors.PERSISTENCE_FAILED, "Could not " + what + ": " + e.getMessage(), e);
    }
}
