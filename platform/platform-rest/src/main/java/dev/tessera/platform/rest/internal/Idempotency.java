package dev.tessera.platform.rest.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.MessageBodyWriter;
import javax.ws.rs.ext.Providers;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tessera.platform.api.PlatformErrors;
import dev.tessera.platform.api.TesseraException;
import dev.tessera.platform.api.persistence.Transactions;

/**
 * {@code Idempotency-Key} on POST, for an authenticated and authorized caller: the request runs in one database
 * transaction that holds the claim of the key, the business change and the answer; it commits before the answer is
 * sent. A repeat of a committed request (same user, key, method, path and body) gets the first answer again, with
 * {@code Idempotent-Replayed: true}, without running again; a repeat that arrives while the first still runs waits
 * for it. A request that was refused (4xx) or failed (5xx), or whose server died before the commit, leaves no trace:
 * its retry runs. The same key with a different request is refused with 422. Outcomes are kept 24 hours.
 */
final class Idempotency {
    private static final Logger LOG = LoggerFactory.getLogger(Idempotency.class);
    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    static final Duration RETENTION = Duration.ofHours(24);
    private static final String SERVING = Idempotency.class.getName() + ".serving";
    private static final Annotation[] NONE = new Annotation[0];
    private static volatile long nextPurge;

    /** A request that holds its key in its transaction. */
    private record Serving(Transactions.Transaction transaction, String principal, String key) {
    }

    private Idempotency() {
    }

    /** Before the resource method: replays, refuses, or begins the request's transaction with the claim. */
    static void before(ContainerRequestContext request, String principal, IdempotencyStore store) throws IOException {
        String key = request.getHeaderString(HEADER);
        if (key == null || !"POST".equals(request.getMethod())) {
            return;
        }
        if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(ch -> ch >= 0x21 && ch <= 0x7e)) {
            request.abortWith(Problems.of(400, "Invalid request", "The Idempotency-Key header must be 1 to 255 visible"
                    + " ASCII characters, e.g. a UUID", PlatformErrors.INVALID_ARGUMENT.code()));
            return;
        }
        if (store == null) {
            throw new TesseraException(PlatformErrors.DATABASE_UNAVAILABLE, "Requests with an Idempotency-Key need"
                    + " the database, which is not available now; send the request again shortly");
        }
        purgeNowAndThen(store);
        byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
        request.setEntityStream(new ByteArrayInputStream(body));
        String fingerprint = fingerprint(request, body);
        for (int round = 0; round < 3; round++) {
            Optional<IdempotencyStore.Outcome> done = store.find(principal, key);
            if (done.isPresent()) {
                request.abortWith(answer(done.get(), fingerprint, key));
                return;
            }
            Transactions.Transaction transaction = store.transactions().begin();
            boolean claimed;
            try {
                claimed = IdempotencyStore.claim(transaction.connection(), principal, key, fingerprint);
            } catch (SQLException e) {
                transaction.close();
                if (lockTimeout(e)) {
                    request.abortWith(inUse(key));
                    return;
                }
                throw new TesseraException(PlatformErrors.DATABASE_UNAVAILABLE, "The outcomes of requests sent with"
                        + " an Idempotency-Key are kept in the database, which did not answer; send the request again"
                        + " shortly", e);
            }
            if (claimed) {
                request.setProperty(SERVING, new Serving(transaction, principal, key));
                return;
            }
            transaction.close(); // the request that held the key committed meanwhile: its outcome is there now
        }
        request.abortWith(inUse(key));
    }

    /**
     * After the resource method, before the answer is written: a success is serialized, stored with the claim and
     * committed with the change; anything else rolls back. When the commit fails, the client is told so instead of
     * getting a success that did not happen.
     */
    static void after(ContainerRequestContext request, ContainerResponseContext response, Providers providers) {
        if (!(request.getProperty(SERVING) instanceof Serving serving)) {
            return;
        }
        request.removeProperty(SERVING);
        try (Transactions.Transaction transaction = serving.transaction()) {
            if (response.getStatus() >= 400) {
                return; // refused or failed: rolled back with the claim, so a retry runs again
            }
            MediaType type = null;
            byte[] body = null;
            if (response.hasEntity()) {
                type = response.getMediaType() == null ? MediaType.APPLICATION_JSON_TYPE : response.getMediaType();
                body = serialize(response, type, providers);
            }
            IdempotencyStore.complete(transaction.connection(), serving.principal(), serving.key(),
                    response.getStatus(), type == null ? null : type.toString(),
                    response.getHeaderString(HttpHeaders.LOCATION), body);
            transaction.commit();
            if (body != null) {
                response.setEntity(body, NONE, type); // the bytes stored are the bytes sent
            }
        } catch (TesseraException e) {
            replace(response, Problems.of(Problems.status(e.kind()), Problems.title(e.kind()), e.getMessage(),
                    e.code()));
        } catch (IOException | SQLException | RuntimeException e) {
            LOG.warn("A request with Idempotency-Key {} was rolled back: its outcome could not be stored ({})",
                    serving.key(), e.toString());
            replace(response, Problems.of(503, "Unavailable", "The request was not carried out: its outcome could not"
                    + " be stored with it (" + e.getMessage() + "); send it again with the same Idempotency-Key",
                    PlatformErrors.DATABASE_UNAVAILABLE.code()));
        }
    }

    private static Response answer(IdempotencyStore.Outcome done, String fingerprint, String key) {
        if (!done.fingerprint().equals(fingerprint)) {
            return Problems.of(422, "Idempotency-Key reused", "Idempotency-Key '" + key + "' was already used for a"
                    + " different request; use a new key for a new request", PlatformErrors.IDEMPOTENCY_KEY_REUSED.code());
        }
        Response.ResponseBuilder replay = Response.status(done.status()).header(REPLAYED, "true");
        if (done.location() != null) {
            replay.header(HttpHeaders.LOCATION, done.location());
        }
        if (done.body() != null) {
            replay.entity(done.body()).type(done.contentType());
        }
        return replay.build();
    }

    private static Response inUse(String key) {
        return Problems.of(409, "Conflict with the current state", "A request with Idempotency-Key '" + key + "' is"
                + " still being served; send it again once that one has answered",
                PlatformErrors.IDEMPOTENCY_KEY_IN_USE.code());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static byte[] serialize(ContainerResponseContext response, MediaType type, Providers providers)
            throws IOException {
        Object entity = response.getEntity();
        Class<?> raw = entity.getClass();
        Annotation[] annotations = response.getEntityAnnotations() == null ? NONE : response.getEntityAnnotations();
        MessageBodyWriter writer = providers.getMessageBodyWriter(raw, response.getEntityType(), annotations, type);
        if (writer == null) {
            throw new IOException("no writer for " + raw.getSimpleName() + " as " + type);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.writeTo(entity, raw, response.getEntityType(), annotations, type, response.getHeaders(), out);
        return out.toByteArray();
    }

    private static void replace(ContainerResponseContext response, Response problem) {
        response.setStatus(problem.getStatus());
        response.getHeaders().remove(HttpHeaders.LOCATION);
        response.setEntity(problem.getEntity(), NONE, MediaType.valueOf(Problems.MEDIA_TYPE));
    }

    /** Derby's lock timeout, PostgreSQL's lock_not_available or canceled statement. */
    private static boolean lockTimeout(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            if ("40XL1".equals(s.getSQLState()) || "55P03".equals(s.getSQLState()) || "57014".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static void purgeNowAndThen(IdempotencyStore store) {
        long now = System.currentTimeMillis();
        if (now >= nextPurge) {
            nextPurge = now + Duration.ofHours(1).toMillis();
            store.purge(RETENTION);
        }
    }

    private static String fingerprint(ContainerRequestContext request, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((request.getMethod() + ' ' + request.getUriInfo().getRequestUri().getRawPath() + '?'
                    + request.getUriInfo().getRequestUri().getRawQuery() + '\n').getBytes(StandardCharsets.UTF_8));
            sha.update(body);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
