package dev.tessera.platform.api;

/** Where a module stands in this installation. */
public enum ModuleState {
    /** Shipped in (or added to) the distribution's features, not enabled. */
    AVAILABLE,
    /** Enabled, but its descriptor is not registered: starting, or failed (see the module's reason). */
    INSTALLED,
    /** Enabled and working: its descriptor is registered and its ownership claims were accepted. */
    ACTIVE,
    /** Enabled, but refused by the kernel, e.g. because it claims a record type another module owns. */
    REFUSED
}
