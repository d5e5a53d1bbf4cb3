package dev.tessera.platform.core.internal.event;

import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;

import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/** A fresh in-memory Derby database with the kernel's schema, migrated by the same changelog as in production. */
final class TestDatabase {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    /** Liquibase reports every change set at INFO; tests keep only its warnings (held so it is not collected). */
    private static final java.util.logging.Logger LIQUIBASE = java.util.logging.Logger.getLogger("liquibase");

    static {
        LIQUIBASE.setLevel(java.util.logging.Level.WARNING);
    }

    private TestDatabase() {
    }

    static DataSource create() throws Exception {
        System.setProperty("derby.stream.error.file", "target/derby.log");
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName("memory:tessera-test-" + COUNTER.incrementAndGet());
        ds.setCreateDatabase("create");
        try (Connection c = ds.getConnection()) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
            database.setDatabaseChangeLogTableName("TSRPLATFORMSCHEMALOG");
            database.setDatabaseChangeLogLockTableName("TSRPLATFORMSCHEMALOCK");
            new Liquibase("db/platform-changelog.xml", new ClassLoaderResourceAccessor(TestDatabase.class.getClassLoader()),
                    database).update("");
        }
        return ds;
    }
}
