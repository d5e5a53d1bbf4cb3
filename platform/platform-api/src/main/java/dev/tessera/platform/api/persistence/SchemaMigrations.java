package dev.tessera.platform.api.persistence;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** The state of every module schema the kernel manages. */
@ProviderType
public interface SchemaMigrations {
    /** One entry per module that declared a schema, sorted by module id. */
    List<MigrationStatus> status();
}
