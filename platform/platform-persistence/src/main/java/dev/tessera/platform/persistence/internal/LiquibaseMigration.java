package dev.tessera.platform.persistence.internal;

import java.sql.Connection;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.osgi.framework.Bundle;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Scope;
import liquibase.Liquibase;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.RanChangeSet;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.OSGiResourceAccessor;
import liquibase.resource.ResourceAccessor;
import liquibase.ui.LoggerUIService;

/** Runs a module's Liquibase changelog against the tessera database, recording it in the module's own tables. */
final class LiquibaseMigration {

    /** How the schema stands: the last applied change set, how many are applied, newly applied and pending. */
    record Result(String lastApplied, int applied, int newlyApplied, int pending) {
    }

    private LiquibaseMigration() {
    }

    static Result run(Connection connection, Bundle bundle, SchemaDeclaration declaration) throws Exception {
        return run(connection, new OSGiResourceAccessor(bundle), declaration);
    }

    /**
     * Liquibase's settings for a migration inside Tessera: its progress goes to the log (Tessera logs one line per
     * module; Liquibase's own lines are at WARN) instead of the console, and it sends no usage data anywhere.
     */
    private static final Map<String, Object> SCOPE = Map.of(
            Scope.Attr.ui.name(), new LoggerUIService(),
            "liquibase.command.showSummaryOutput", "LOG",
            "liquibase.analytics.enabled", Boolean.FALSE);

    static Result run(Connection connection, ResourceAccessor resources, SchemaDeclaration declaration) throws Exception {
        return Scope.child(SCOPE, () -> update(connection, resources, declaration));
    }

    private static Result update(Connection connection, ResourceAccessor resources, SchemaDeclaration declaration)
            throws Exception {
        Database database = open(connection, declaration);
        Liquibase liquibase = new Liquibase(declaration.changelog(), resources, database);
        int before = database.getRanChangeSetList().size();
        liquibase.update(new Contexts(), new LabelExpression());
        database.resetInternalState();
        List<RanChangeSet> ran = database.getRanChangeSetList();
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
        String last = ran.isEmpty() ? "" : ran.get(ran.size() - 1).getId();
        return new Result(last, ran.size(), ran.size() - before, 0);
    }

    /** What is applied and pending after a failure, read on a fresh connection; best effort. */
    static Result stateAfterFailure(DataSource dataSource, Bundle bundle, SchemaDeclaration declaration) {
        return stateAfterFailure(dataSource, new OSGiResourceAccessor(bundle), declaration);
    }

    static Result stateAfterFailure(DataSource dataSource, ResourceAccessor resources, SchemaDeclaration declaration) {
        try {
            return Scope.child(SCOPE, () -> pending(dataSource, resources, declaration));
        } catch (Exception e) {
            return new Result("", 0, 0, 0);
        }
    }

    private static Result pending(DataSource dataSource, ResourceAccessor resources, SchemaDeclaration declaration) {
        try (Connection connection = dataSource.getConnection()) {
            Database database = open(connection, declaration);
            Liquibase liquibase = new Liquibase(declaration.changelog(), resources, database);
            List<RanChangeSet> ran = database.getRanChangeSetList();
            List<ChangeSet> pending = liquibase.listUnrunChangeSets(new Contexts(), new LabelExpression());
            String last = ran.isEmpty() ? "" : ran.get(ran.size() - 1).getId();
            return new Result(last, ran.size(), 0, pending.size());
        } catch (Exception e) {
            return new Result("", 0, 0, 0);
        }
    }

    private static Database open(Connection connection, SchemaDeclaration declaration) throws Exception {
        Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(connection));
        database.setDatabaseChangeLogTableName(declaration.logTable());
        database.setDatabaseChangeLogLockTableName(declaration.lockTable());
        return database;
    }

    /** The innermost message of a failure, which names the change set and the database's complaint. */
    static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        Throwable t = failure;
        String last = null;
        while (t != null) {
            String message = t.getMessage();
            if (message != null && !message.isBlank() && !message.equals(last)) {
                if (text.length() > 0) {
                    text.append(": ");
                }
                text.append(message.replaceAll("\\s+", " ").trim());
                last = message;
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        String result = text.length() == 0 ? failure.getClass().getSimpleName() : text.toString();
        return result.length() > 600 ? result.substring(0, 600) + "..." : result;
    }
}
