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

import dev.tessera.platform.api.EventDeclaration;
import dev.tessera.platform.api.ModuleDescriptor;
import dev.tessera.platform.api.OwnershipRegistry;
import dev.tessera.platform.api.PlatformErrors;
import dev.tessera.platform.api.TesseraException;
import dev.tessera.platform.api.event.DomainEvent;
import dev.tessera.platform.api.event.EventInbox;
import dev.tessera.platform.api.event.EventPublisher;
import dev.tessera.platform.api.persistence.ModuleSchema;

/**
 * Writes events into the outbox table in the caller's transaction; the dispatcher delivers them after commit.
 * <p>
 * One instance per using bundle, so it knows who writes: a module publishes only the event types its descriptor
 * declares, each about a record type it owns. Anything else is refused with {@code platform.not-owner} or
 * {@code platform.undeclared-event}, and the caller's transaction with it: a module keeps copies of others' records
 * from their events, it never writes them.
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

    /**
     * Refuses an event that the calling module may not publish: one its descriptor does not declare, one about a
     * record type another module owns, or one that does not match its declaration. A bundle that is no module
     * publishes nothing.
     */
    private void requireDeclared(DomainEvent event) {
        String module = callerModule();
        if (module == null) {
            // a module's services may start before its descriptor is registered: say so, and that a retry will do
            throw new TesseraException(PlatformErrors.MODULE_UNAVAILABLE, "Bundle " + (caller == null ? "(unknown)"
                    : caller.getSymbolicName()) + " registers no module descriptor now: while its module starts or"
                    + " stops it records no events (send the request again shortly); a bundle that is no module never"
                    + " publishes any");
        }
        EventDeclaration declared = ownership.eventType(event.type()).orElse(null);
        if (declared == null && ownership.table().stream().noneMatch(o -> o.ownerModule().equals(module))
                && ownership.eventTypes().stream().noneMatch(d -> d.ownerModule().equals(module))
                && ownership.conflicts().stream().noneMatch(c -> c.refusedModule().equals(module))) {
            throw new TesseraException(PlatformErrors.MODULE_UNAVAILABLE, "Module '" + module + "' is starting or"
                    + " stopping: its events cannot be recorded now, so nothing was changed; send the request again"
                    + " shortly");
        }
        if (declared == null) {
            String refusal = ownership.conflicts().stream().filter(c -> c.refusedModule().equals(module))
                    .map(c -> c.message()).findFirst().orElse(null);
            if (refusal != null) {
                throw new TesseraException(PlatformErrors.NOT_OWNER, "Module '" + module + "' may not publish "
                        + event.type() + ": its claims were refused. " + refusal);
            }
            throw new TesseraException(PlatformErrors.UNDECLARED_EVENT, "Event type '" + event.type() + "' is not"
                    + " declared by module '" + module + "' (nor by any active module): declare it as an EventType in"
                    + " the module's API bundle and list it in its ModuleDescriptor.events()");
        }
        if (!declared.ownerModule().equals(module)) {
            throw new TesseraException(PlatformErrors.NOT_OWNER, "Module '" + module + "' may not publish "
                    + event.type() + ": it is about record type '" + declared.type().recordType() + "', which module '"
                    + declared.ownerModule() + "' owns. Change it through " + declared.ownerModule()
                    + "'s service and keep a read-only copy from its events");
        }
        if (!event.recordType().equals(declared.type().recordType().name())
                || event.schemaVersion() != declared.type().schemaVersion()) {
            throw new TesseraException(PlatformErrors.UNDECLARED_EVENT, "Event " + event.type() + " must be about"
                    + " record type '" + declared.type().recordType() + "' with payload schema version "
                    + declared.type().schemaVersion() + ", as declared; build it with its EventType");
        }
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
        try {
            requireTransaction(transaction);
            requireDeclared(event);
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
