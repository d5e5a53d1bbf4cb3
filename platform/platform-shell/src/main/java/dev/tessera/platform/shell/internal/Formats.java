package dev.tessera.platform.shell.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.stream.Collectors;

import dev.tessera.platform.api.event.FieldChange;

/** How the console shows times and changes. */
final class Formats {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private Formats() {
    }

    static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    static String changes(Map<String, FieldChange> changes) {
        return changes.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue().oldValue() + " -> " + e.getValue().newValue())
                .collect(Collectors.joining(", "));
    }
}
