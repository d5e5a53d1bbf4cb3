package dev.tessera.platform.api;

import org.osgi.annotation.versioning.ProviderType;

/** Gathers the platform's health: contributed {@link HealthCheck}s and every enabled module. */
@ProviderType
public interface HealthService {
    HealthReport report();
}
