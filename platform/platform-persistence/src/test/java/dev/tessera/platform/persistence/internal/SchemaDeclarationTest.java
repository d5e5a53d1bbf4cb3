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
    void healthNamesWhereTheDatabaseIsButNeverCredentialsParametersOrFilePaths() {
        assertEquals("at db:5432/tessera",
                DataSourceHealthCheck.where("jdbc:postgresql://db:5432/tessera?user=tessera&password=secret"));
        assertEquals("embedded", DataSourceHealthCheck.where("jdbc:derby:/srv/tessera/data/derby/tessera;create=true"));
        assertEquals("at 10.0.0.4:1527/tessera", DataSourceHealthCheck.where("jdbc:derby://10.0.0.4:1527/tessera;user=x"));
    }
}
