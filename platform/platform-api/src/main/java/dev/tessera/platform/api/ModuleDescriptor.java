package dev.tessera.platform.api;

import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import dev.tessera.platform.api.event.EventType;

/**
 * What a module is, registered as a service by the module's implementation bundle once it is ready to work.
 * The kernel builds the ownership table from these and calls a module <em>active</em> while its descriptor is
 * registered.
 *
 * <pre>{@code
 * @Component(service = ModuleDescriptor.class)
 * public final class LedgerModule implements ModuleDescriptor {
 *     public String id() { return "erp-ledger"; }
 *     public String name() { return "General ledger"; }
 *     public Set<RecordType> owns() { return LedgerEvents.OWNS; }
 *     public Set<EventType<?>> events() { return LedgerEvents.ALL; }
 * }
 * }</pre>
 */
@ConsumerType
public interface ModuleDescriptor {

    /** The module id, e.g. {@code erp-ledger}; its Karaf feature is {@code tessera-<id>}. */
    String id();

    /** A human name, e.g. {@code General ledger}. */
    String name();

    /** The module version; by default the version of the bundle that implements this descriptor. */
    default String version() {
        Bundle bundle = FrameworkUtil.getBundle(getClass());
        return bundle == null ? "0.0.0" : bundle.getVersion().toString();
    }

    /** Record types this module owns: only it writes them, others keep copies from its events. */
    default Set<RecordType> owns() {
        return Set.of();
    }

    /**
     * The event types this module publishes, each about a record type it {@link #owns()}: the kernel refuses any
     * other event from it. Declared as constants in the module's API bundle, e.g. {@code SalesEvents.ALL}.
     */
    default Set<EventType<?>> events() {
        return Set.of();
    }

    /** Modules that must be enabled for this one to work (ids). */
    default Set<String> requires() {
        return Set.of();
    }

    /** Modules this one uses when present and does without when absent (ids). */
    default Set<String> integratesWith() {
        return Set.of();
    }

    /** Roles this module's operations are guarded by, e.g. {@code finance}. */
    default Set<String> roles() {
        return Set.of();
    }

    /** The version of this module's database schema (0 for a module without tables). */
    default int schemaVersion() {
        return 0;
    }
}
