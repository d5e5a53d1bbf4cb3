package dev.tessera.platform.api;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A module's demo data, registered as a service by the module: a small consistent company a newcomer can look at.
 * Loading twice must not duplicate anything.
 */
@ConsumerType
public interface DemoData {

    /** The module whose data this is, e.g. {@code erp-ledger}. */
    String moduleId();

    /** Loads what is missing of the demo data; returns one line saying what is there now. */
    String load();
}
