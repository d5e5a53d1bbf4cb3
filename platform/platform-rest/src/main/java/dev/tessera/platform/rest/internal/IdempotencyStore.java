package dev.tessera.platform.rest.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.tessera.platform.api.persistence.ModuleSchema;
import dev.tessera.platform.api.persistence.Transactions;

/**
 * The outcomes of POSTs sent with an Idempotency-Key, per user and key. A request claims its key with an insert in
 * its own transaction, the one its business change is made in, and writes its outcome there before the commit: a
 * row therefore always stands for a request that committed, and a request that died (crash, disconnect, failure)
 * leaves none. A second request with the same key that arrives while the first is running waits on the first's
 * row lock, then finds its outcome.
 */
@Component(service = IdempotencyStore.class)
public final class IdempotencyStore {

    /** What a committed request with the key answered. */
    record Outcome(String fingerprint, int status, String contentType, String location, byte[] body) {
    }

    /** Marks an answer that is not UTF-8 text, kept as base64 (a text answer never begins with a NUL). */
    private static final String BINARY = "\u0000base64:";

    private final Transactions transactions;

    @Activate
    public IdempotencyStore(@Reference(target = "(tessera.module=platform-rest)") ModuleSchema schema,
                            @Reference Transactions transactions) {
        this.transactions = transactions;
    }

    Transactions transactions() {
        return transactions;
    }

    /** The committed outcome of the user's key, if there is one. */
    Optional<Outcome> find(String principal, String key) {
        return transactions.required(c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT FINGERPRINT, STATUS, CONTENT_TYPE, LOCATION, ANSWER,"
                    + " BODY FROM TSR_IDEMPOTENCY WHERE PRINCIPAL = ? AND IDEM_KEY = ?")) {
                s.setString(1, principal);
                s.setString(2, key);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        return Optional.empty();
                    }
                    String answer = r.getString(5);
                    byte[] body = answer != null ? decode(answer) : r.getBytes(6); // BODY: kept before 003
                    return Optional.of(new Outcome(r.getString(1), r.getInt(2), r.getString(3), r.getString(4), body));
                }
            }
        });
    }

    /**
     * Claims the key in the request's transaction: true when this request is the first, false when another request
     * with the key committed first (then the transaction must be rolled back: PostgreSQL refuses any further
     * statement in it). Waits while another request holding the key is still running.
     */
    static boolean claim(Connection request, String principal, String key, String fingerprint) throws SQLException {
        try (PreparedStatement s = request.prepareStatement("INSERT INTO TSR_IDEMPOTENCY (PRINCIPAL, IDEM_KEY,"
                + " FINGERPRINT, STATUS, CREATED_AT) VALUES (?, ?, ?, 0, ?)")) {
            s.setString(1, principal);
            s.setString(2, key);
            s.setString(3, fingerprint);
            s.setTimestamp(4, Timestamp.from(Instant.now()));
            s.executeUpdate();
            return true;
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    /** Writes the request's outcome beside its claim, in the request's transaction, before it commits. */
    static void complete(Connection request, String principal, String key, int status, String contentType,
                         String location, byte[] body) throws SQLException {
        try (PreparedStatement s = request.prepareStatement("UPDATE TSR_IDEMPOTENCY SET STATUS = ?, CONTENT_TYPE = ?,"
                + " LOCATION = ?, ANSWER = ?, COMPLETED_AT = ? WHERE PRINCIPAL = ? AND IDEM_KEY = ?")) {
            s.setInt(1, status);
            s.setString(2, contentType);
            s.setString(3, location);
            s.setString(4, body == null ? null : encode(body));
            s.setTimestamp(5, Timestamp.from(Instant.now()));
            s.setString(6, principal);
            s.setString(7, key);
            if (s.executeUpdate() != 1) {
                throw new SQLException("the claim of Idempotency-Key " + key + " is gone from its own transaction");
            }
        }
    }

    /** An answer as text: its UTF-8 (every answer of this API is JSON), or base64 after a marker for other bytes. */
    static String encode(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException notText) {
            return BINARY + Base64.getEncoder().encodeToString(body);
        }
    }

    static byte[] decode(String answer) {
        return answer.startsWith(BINARY) ? Base64.getDecoder().decode(answer.substring(BINARY.length()))
                : answer.getBytes(StandardCharsets.UTF_8);
    }

    /** Drops outcomes older than the retention: a key may be reused after that. */
    int purge(Duration retention) {
        return transactions.required(c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM TSR_IDEMPOTENCY WHERE CREATED_AT < ?")) {
                s.setTimestamp(1, Timestamp.from(Instant.now().minus(retention)));
                return s.executeUpdate();
            }
        });
    }
}
