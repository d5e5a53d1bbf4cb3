package dev.tessera.platform.api.persistence;

import java.time.Instant;

/**
 * A module's schema as the kernel last saw it.
 *
 * @param moduleId       the module
 * @param appliedVersion id of the last applied change set, or empty when none is applied
 * @param applied        how many change sets are applied
 * @param pending        how many are not applied yet
 * @param lastError      why the last migration failed, or empty when it did not
 * @param checkedAt      when the schema was last migrated or checked
 */
public record MigrationStatus(String moduleId, String appliedVersion, int applied, int pending, String lastError,
                              Instant checkedAt) {
    public boolean failed() {
        return !lastError.isEmpty();
    }
}
