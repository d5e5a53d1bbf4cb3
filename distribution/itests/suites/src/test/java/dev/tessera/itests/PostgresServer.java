package dev.tessera.itests;

import java.io.IOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server for the test driver, from the binaries that io.zonky.test publishes on Maven Central. Only
 * the driver JVM loads this class (the Pax Exam container never calls it), so the container needs none of it.
 */
final class PostgresServer {
    private static EmbeddedPostgres postgres;

    private PostgresServer() {
    }

    /** Starts the server once; it stops when the driver's JVM ends. */
    static synchronized int port() throws IOException {
        if (postgres == null) {
            postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    // the JVM is ending; the server's files live under the temporary directory
                }
            }));
        }
        return postgres.getPort();
    }

    /** A JDBC URL of a database of its own on the server, created on first use, so that suites do not share data. */
    static synchronized String database(String name) throws IOException {
        int port = port();
        try (java.sql.Connection c = postgres.getPostgresDatabase().getConnection();
             java.sql.Statement s = c.createStatement();
             java.sql.ResultSet exists = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
            if (!exists.next()) {
                s.execute("CREATE DATABASE " + name);
            }
        } catch (java.sql.SQLException e) {
            throw new IOException("Cannot create database " + name + ": " + e.getMessage(), e);
        }
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + name;
    }
}
