package dev.tessera.platform.core.internal.event;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.tessera.platform.api.PlatformErrors;
import dev.tessera.platform.api.TesseraException;
import dev.tessera.platform.api.persistence.ModuleSchema;
import dev.tessera.platform.api.persistence.NumberSeries;
import dev.tessera.platform.api.persistence.Transactions;

/**
 * One row per series holds its last number. Taking a number increments that row in the caller's transaction: the
 * row lock makes concurrent transactions on the series wait for each other, and a rollback undoes the increment,
 * so committed numbers are contiguous. A new series row is created in the caller's transaction behind a savepoint:
 * when another transaction created it first, the insert waits for that one and then gives way to the existing row.
 * No second connection is ever taken, so a caller can never wait on itself for a lock or for the pool.
 */
@Component(service = NumberSeries.class)
public final class NumberSeriesImpl implements NumberSeries {
    private static final Pattern SERIES = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,99}");
    private static final String INCREMENT = "UPDATE TSR_NUMBER_SERIES SET LAST_VALUE = LAST_VALUE + 1 WHERE SERIES = ?";
    private static final String READ = "SELECT LAST_VALUE FROM TSR_NUMBER_SERIES WHERE SERIES = ?";

    private final Transactions transactions;

    @Activate
    public NumberSeriesImpl(@Reference(target = "(tessera.module=platform)") ModuleSchema schema,
                            @Reference Transactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public long next(Connection transaction, String series) {
        validate(series);
        try {
            if (increment(transaction, series) == 0) {
                create(series);
                increment(transaction, series);
            }
            try (PreparedStatement read = transaction.prepareStatement(READ)) {
                read.setString(1, series);
                try (ResultSet rs = read.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        } catch (SQLException e) {
            throw failure(series, e);
        }
    }

    private static int increment(Connection connection, String series) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(INCREMENT)) {
            update.setString(1, series);
            return update.executeUpdate();
        }
    }

    /** Creates the series row if it does not exist yet, in the caller's transaction behind a savepoint. */
    private void create(String series) {
        try {
            transactions.run(c -> {
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO TSR_NUMBER_SERIES (SERIES, LAST_VALUE) VALUES (?, 0)")) {
                    insert.setString(1, series);
                    insert.executeUpdate();
                }
            });
        } catch (TesseraException e) {
            if (!duplicate(e)) { // 23xxx: another transaction created it first; this one's insert was undone
                throw e;
            }
        }
    }

    private static boolean duplicate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    private static void validate(String series) {
        if (series == null || !SERIES.matcher(series).matches()) {
            throw new TesseraException(PlatformErrors.INVALID_ARGUMENT, "Number series '" + series + "' is not valid:"
                    + " use up to 100 letters, digits, '.', '_', '/' or '-', e.g. INV-2026");
        }
    }

    private static TesseraException failure(String series, Exception e) {
        return new TesseraException(PlatformErrors.PERSISTENCE_FAILED, "Could not take the next number of series '"
                + series + "': " + e.getMessage(), e);
    }
}
