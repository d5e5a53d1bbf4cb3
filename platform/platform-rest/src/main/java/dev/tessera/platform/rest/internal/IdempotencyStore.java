package dev.tessera.platform.rest.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tessera.platform.api.PlatformErrors;
import dev.tessera.platform.api.TesseraException;
import dev.tessera.platform.api.persistence.ModuleSchema;

/**
 * The results of POSTs sent with an Idempotency-Key, per user and key. The first request claims the key with an
 * insert (the primary key makes concurrent claims of one key exclusive); the result is stored once it is known.
 */
@Component(service = IdempotencyStore.class)
public final class IdempotencyStore {
    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyStore.class);
    /** What a claim found. */
    sealed interface Claim permits Claimed, Pending, Done, Mismatch {
    }

    /** The key was new: this request is the one that runs. */
    record Claimed() implements Claim {
    }

    /** Another request with this key is still running. */
    record Pending() implements Claim {
    }

    /** The key was used for this same request before: its result. */
    record Done(int status, String contentType, byte[] body) implements Claim {
    }

    /** The key was used before for a different request. */
    record Mismatch() implements Claim {
    }

    /** A claim older than this whose result never came (the server stopped while serving it) may be taken over. */
    static final Duration ABANDONED = Duration.ofMinutes(5);

    private final DataSource dataSource;

    @Activate
    public IdempotencyStore(@Reference(target = "(tessera.module=platform-rest)") ModuleSchema schema,
                            @Reference(target = "(osgi.jndi.service.name=tessera)") DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Claim claim(String principal, String key, String fingerprint) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            for (int attempt = 0; attempt < 3; attempt++) {
                if (insert(c, principal, key, fingerprint)) {
                    return new Claimed();
                }
                try (PreparedStatement s = c.prepareStatement("SELECT FINGERPRINT, STATUS, CONTENT_TYPE, BODY, CREATED_AT"
                        + " FROM TSR_IDEMPOTENCY WHERE PRINCIPAL = ? AND IDEM_KEY = ?")) {
                    s.setString(1, principal);
                    s.setString(2, key);
                    try (ResultSet r = s.executeQuery()) {
                        if (!r.next()) {
                            continue; // released meanwhile: claim again
                        }
                        if (!r.getString(1).equals(fingerprint)) {
                            return new Mismatch();
                        }
                        int status = r.getInt(2);
                        if (!r.wasNull()) {
                            return new Done(status, r.getString(3), r.getBytes(4));
                        }
                        Instant created = r.getTimestamp(5).toInstant();
                        if (created.isAfter(Instant.now().minus(ABANDONED))) {
                            return new Pending();
                        }
                    }
                }
                release(c, principal, key); // abandoned: take it over on the next round
            }
            return new Pending();
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    void complete(String principal, String key, int status, String contentType, byte[] body) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("UPDATE TSR_IDEMPOTENCY"
                + " SET STATUS = ?, CONTENT_TYPE = ?, BODY = ?, COMPLETED_AT = ? WHERE PRINCIPAL = ? AND IDEM_KEY = ?")) {
            c.setAutoCommit(true);
            s.setInt(1, status);
            s.setString(2, contentType);
            s.setBytes(3, body);
            s.setTimestamp(4, Timestamp.from(Instant.now()));
            s.setString(5, principal);
            s.setString(6, key);
            s.executeUpdate();
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** Forgets a claim whose request failed on the server's side, so that a retry runs again. */
    void release(String principal, String key) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            release(c, principal, key);
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** Drops results older than the retention: a key may be reused after that. */
    int purge(Duration retention) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(
                "DELETE FROM TSR_IDEMPOTENCY WHERE CREATED_AT < ?")) {
            c.setAutoCommit(true);
            s.setTimestamp(1, Timestamp.from(Instant.now().minus(retention)));
            return s.executeUpdate();
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    private static boolean insert(Connection c, String principal, String key, String fingerprint) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO TSR_IDEMPOTENCY (PRINCIPAL, IDEM_KEY, FINGERPRINT,"
                + " CREATED_AT) VALUES (?, ?, ?, ?)")) {
            s.setString(1, principal);
            s.setString(2, key);
            s.setString(3, fingerprint);
            s.setTimestamp(4, Timestamp.from(Instant.now()));
            s.executeUpdate();
            return true;
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                return false; // the key is claimed already
            }
            throw e;
        }
    }

    private static void release(Connection c, String principal, String key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM TSR_IDEMPOTENCY WHERE PRINCIPAL = ? AND IDEM_KEY = ?")) {
            s.setString(1, principal);
            s.setString(2, key);
            s.executeUpdate();
        }
    }

    private static TesseraException unavailable(SQLException e) {
        LOG.warn("Idempotency-Key store failed: {}", e.toString());
        return new TesseraException(PlatformErrors.DATABASE_UNAVAILABLE, "The results of requests sent with an"
                + " Idempotency-Key are kept in the database, which did not answer; send the request again shortly", e);
    }
}
