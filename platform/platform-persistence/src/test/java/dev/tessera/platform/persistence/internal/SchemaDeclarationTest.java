package dev.tessera.platform.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SchemaDeclarationTest {

    @Test
    void readsModuleAndChangelogFromTheHeader() {
        SchemaDeclaration d = SchemaDeclaration.parse("erp-ledger;changelog=db/changelog.xml").orElseThrow();
        assertEquals("erp-ledger", d.moduleId());
        assertEquals("db/changelog.xml", d.changelog());
        assertEquals("TSRERPLEDGERSCHEMALOG", d.logTable());
        assertEquals("TSRERPLEDGERSCHEMALOCK", d.lockTable());
        assertEquals("db/x.xml", SchemaDeclaration.parse(" platform ; changelog = \"db/x.xml\" ").orElseThrow().changelog());
    }

    @Test
    void refusesHeadersWithoutChangelog() {
        assertTrue(SchemaDeclaration.parse("erp-ledger").isEmpty());
        assertTrue(SchemaDeclaration.parse("Erp;changelog=x").isEmpty());
    }

    @Test
    void healthNeverShowsCredentials() {
        assertEquals("jdbc:postgresql://db/tessera?user=***&password=***",
                DataSourceHealthCheck.withoutCredentials("jdbc:postgresql://db/tessera?user=tessera&password=secret"));
    }
}
