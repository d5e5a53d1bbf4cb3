package dev.tessera.platform.api.persistence;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Registered for a module once its schema is up to date, with the service property {@value #MODULE}. A module's
 * components that touch its tables take it as a mandatory reference, so they start only on a migrated schema:
 * <pre>{@code @Reference(target = "(tessera.module=erp-ledger)") ModuleSchema schema}</pre>
 */
@ProviderType
public interface ModuleSchema {
    /** Service property naming the module. */
    String MODULE = "tessera.module";

    String moduleId();

    /** Id of the last applied change set, e.g. {@code 002-add-due-date}. */
    String version();
}
