package dev.tessera.platform.api;

import java.util.Set;

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

    /**
     * Modules whose demo data this one builds on (e.g. sales invoices the pipeline's customers): when they are in the
     * profile their demo loads first.
     */
    default Set<String> after() {
        return Set.of();
    }
}
