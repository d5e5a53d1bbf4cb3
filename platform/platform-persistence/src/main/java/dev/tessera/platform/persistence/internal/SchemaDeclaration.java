package dev.tessera.platform.persistence.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A bundle's {@code Tessera-Schema} header: the module and the path of its changelog inside the bundle. */
record SchemaDeclaration(String moduleId, String changelog) {
    private static final Pattern HEADER = Pattern.compile(
            "\\s*([a-z][a-z0-9-]*)\\s*;\\s*changelog\\s*=\\s*\"?([^\";]+)\"?\\s*");

    static Optional<SchemaDeclaration> parse(String header) {
        Matcher m = HEADER.matcher(header);
        return m.matches() ? Optional.of(new SchemaDeclaration(m.group(1), m.group(2).trim())) : Optional.empty();
    }

    /**
     * The module's own change log table, so that each module's history is recorded apart. No underscores: Liquibase
     * looks the table up with a metadata name pattern, in which Derby reads "_" as a wildcard and then does not find
     * it, and would try to create it again on the next start.
     */
    String logTable() {
        return "TSR" + tableStem() + "SCHEMALOG";
    }

    String lockTable() {
        return "TSR" + tableStem() + "SCHEMALOCK";
    }

    private String tableStem() {
        return moduleId.toUpperCase(java.util.Locale.ROOT).replace("-", "");
    }
}
