package dev.tessera.platform.api;

import org.osgi.annotation.versioning.ConsumerType;

/** A check contributed to {@code tessera:health}, e.g. the datasource. Registered as a service. */
@ConsumerType
public interface HealthCheck {
    /** Short name shown in the health table, e.g. {@code datasource}. */
    String name();

    /** Runs the check; must return quickly and never throw. */
    HealthStatus check();
}
