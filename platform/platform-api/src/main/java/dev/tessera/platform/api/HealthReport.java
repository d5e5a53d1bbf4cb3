package dev.tessera.platform.api;

import java.util.List;

/** Every check of the platform and every enabled module, with the overall verdict. */
public record HealthReport(boolean up, List<Entry> entries) {
    public HealthReport {
        entries = List.copyOf(entries);
    }

    /** One line of the report: what was checked and its status. */
    public record Entry(String name, HealthStatus status) {
    }
}
