package dev.tessera.platform.persistence.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.ResourceAccessor;

class LiquibaseMigrationTest {
    private static final AtomicInteger DB = new AtomicInteger();
    private static final java.util.logging.Logger LIQUIBASE = java.util.logging.Logger.getLogger("liquibase");
    private final ResourceAccessor resources = new ClassLoaderResourceAccessor(getClass().getClassLoader());
    private EmbeddedDataSource dataSource;

    static {
        LIQUIBASE.setLevel(java.util.logging.Level.WARNING);
        System.setProperty("derby.stream.error.file", "target/derby.log");
    }

    @BeforeEach
    void database() {
        dataSource = new EmbeddedDataSource();
        dataSource.setDatabaseName("memory:migration-" + DB.incrementAndGet());
        dataSource.setCreateDatabase("create");
    }

    @Test
    void aSecondStartFindsTheSchemaUpToDateAndChangesNothing() throws Exception {
        assertEquals(1, migrate("v1.xml").newlyApplied());
        LiquibaseMigration.Result again = migrate("v1.xml");
        assertEquals(0, again.newlyApplied());
        assertEquals("001-notes", again.lastApplied());
    }

    @Test
    void upgradingAddsAndRenamesAColumnAndKeepsEveryRow() throws Exception {
        migrate("v1.xml");
        sql("INSERT INTO NOTE (ID, TEXT) VALUES (1, 'first'), (2, 'second'), (3, 'third')");

        LiquibaseMigration.Result v2 = migrate("v2.xml");
        assertEquals("002-note-body-and-author", v2.lastApplied());
        assertEquals(1, v2.newlyApplied());
        assertEquals(List.of("1 first unknown", "2 second unknown", "3 third unknown"),
                rows("SELECT ID, BODY, AUTHOR FROM NOTE ORDER BY ID"));
    }

    @Test
    void aFailedChangeSetLeavesTheSchemaAndDataAsTheyWereAndSaysWhy() throws Exception {
        migrate("v2.xml");
        sql("INSERT INTO NOTE (ID, BODY) VALUES (1, 'kept')");

        Exception failure = assertThrows(Exception.class, () -> migrate("v3-broken.xml"));
        String why = LiquibaseMigration.describe(failure);
        assertTrue(why.contains("NO_SUCH_COLUMN"), why);
        assertTrue(why.contains("003-broken"), why);

        assertEquals(List.of("1 kept unknown"), rows("SELECT ID, BODY, AUTHOR FROM NOTE"));
        Exception noPriority = assertThrows(Exception.class, () -> rows("SELECT PRIORITY FROM NOTE"));
        assertTrue(noPriority.getMessage().contains("PRIORITY"), "the failed change set's new column was rolled back");
        LiquibaseMigration.Result state = LiquibaseMigration.stateAfterFailure(dataSource, resources,
                new SchemaDeclaration("notes", "migration-test/v3-broken.xml"));
        assertEquals("002-note-body-and-author", state.lastApplied());
        assertEquals(1, state.pending());
    }

    private LiquibaseMigration.Result migrate(String changelog) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            return LiquibaseMigration.run(c, resources, new SchemaDeclaration("notes", "migration-test/" + changelog));
        }
    }

    private void sql(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    private List<String> rows(String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? " " : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
