package dev.tessera.platform.api;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A kind of business record (for example {@code account}, {@code journal-entry}). Every record type has exactly
 * one owning module; the name is lower-case words joined by hyphens.
 */
public record RecordType(String name) implements Comparable<RecordType> {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    public RecordType {
        Objects.requireNonNull(name, "record type name");
        if (!NAME.matcher(name).matches()) {
            throw new TesseraException(PlatformErrors.INVALID_ARGUMENT,
                    "Record type '" + name + "' is not valid: use lower-case words joined by hyphens, e.g. 'journal-entry'");
        }
    }

    public static RecordType of(String name) {
        return new RecordType(name);
    }

    @Override
    public int compareTo(RecordType other) {
        return name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return name;
    }
}
