package dev.tessera.platform.api;

import java.util.Objects;

/** The result of one health check: whether it is up and a one-line detail saying why. */
public record HealthStatus(boolean up, String detail) {
    public HealthStatus {
        Objects.requireNonNull(detail, "detail");
    }

    public static HealthStatus up(String detail) {
        return new HealthStatus(true, detail);
    }

    public static HealthStatus down(String detail) {
        return new HealthStatus(false, detail);
    }
}
