package dev.tessera.platform.rest.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.WriterInterceptor;
import javax.ws.rs.ext.WriterInterceptorContext;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

import dev.tessera.platform.api.PlatformErrors;
import dev.tessera.platform.api.TesseraException;

/**
 * {@code Idempotency-Key} on POST: the first request with a key runs; a repeat (same user, key, method, path and
 * body) gets the first result again, marked {@code Idempotent-Replayed: true}, without running again. A repeat that
 * arrives while the first is still running waits for its result. The same key with a different request is refused
 * with 422. Results of server failures (5xx) are not kept, so a retry runs again. Results are kept 24 hours.
 */
@Component(service = {ContainerRequestFilter.class, ContainerResponseFilter.class, WriterInterceptor.class})
@JaxrsExtension
@JaxrsApplicationSelect(RestApplication.SELECT)
@Priority(Priorities.AUTHORIZATION + 100)
public final class Idempotency implements ContainerRequestFilter, ContainerResponseFilter, WriterInterceptor {
    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    private static final String CLAIM = Idempotency.class.getName() + ".claim";
    private static final String PENDING = Idempotency.class.getName() + ".pending";
    private static final Duration WAIT_FOR_FIRST = Duration.ofSeconds(30);
    private static final Duration RETENTION = Duration.ofHours(24);

    /** The user and key of a request that claimed its key. */
    private record Owner(String principal, String key) {
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile IdempotencyStore store;

    private volatile long nextPurge;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String key = request.getHeaderString(HEADER);
        if (key == null || !"POST".equals(request.getMethod())) {
            return;
        }
        if (key.isEmpty() || key.length() > 255 || !key.chars().allMatch(ch -> ch >= 0x21 && ch <= 0x7e)) {
            request.abortWith(Problems.of(400, "Invalid request", "The Idempotency-Key header must be 1 to 255 visible"
                    + " ASCII characters, e.g. a UUID", PlatformErrors.INVALID_ARGUMENT.code()));
            return;
        }
        IdempotencyStore current = store;
        if (current == null) {
            throw new TesseraException(PlatformErrors.DATABASE_UNAVAILABLE, "Requests with an Idempotency-Key need"
                    + " the database, which is not available now; send the request again shortly");
        }
        purgeNowAndThen(current);
        byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
        request.setEntityStream(new ByteArrayInputStream(body));
        String principal = request.getSecurityContext().getUserPrincipal() == null ? ""
                : request.getSecurityContext().getUserPrincipal().getName();
        String fingerprint = fingerprint(request, body);

        long deadline = System.nanoTime() + WAIT_FOR_FIRST.toNanos();
        while (true) {
            IdempotencyStore.Claim claim = current.claim(principal, key, fingerprint);
            if (claim instanceof IdempotencyStore.Claimed) {
                request.setProperty(CLAIM, new Owner(principal, key));
                return;
            }
            if (claim instanceof IdempotencyStore.Done done) {
                Response.ResponseBuilder replay = Response.status(done.status()).header(REPLAYED, "true");
                if (done.body() != null) {
                    replay.entity(done.body()).type(done.contentType());
                }
                request.abortWith(replay.build());
                return;
            }
            if (claim instanceof IdempotencyStore.Mismatch) {
                request.abortWith(Problems.of(422, "Idempotency-Key reused", "Idempotency-Key '" + key + "' was"
                        + " already used for a different request; use a new key for a new request",
                        PlatformErrors.IDEMPOTENCY_KEY_REUSED.code()));
                return;
            }
            if (System.nanoTime() > deadline) {
                request.abortWith(Problems.of(409, "Conflict with the current state", "A request with Idempotency-Key '"
                        + key + "' is still being served; send it again once that one has answered",
                        PlatformErrors.IDEMPOTENCY_KEY_IN_USE.code()));
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the first request with key " + key, e);
            }
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(CLAIM) instanceof Owner owner)) {
            return;
        }
        IdempotencyStore current = store;
        if (current == null) {
            return;
        }
        if (response.getStatus() >= 500) {
            current.release(owner.principal(), owner.key());
        } else if (!response.hasEntity()) {
            current.complete(owner.principal(), owner.key(), response.getStatus(), null, null);
        } else {
            request.removeProperty(CLAIM);
            request.setProperty(PENDING, new Pending(owner, response.getStatus())); // stored once the body is written
        }
    }

    /** A claim whose response body is about to be written. */
    private record Pending(Owner owner, int status) {
    }

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        if (!(context.getProperty(PENDING) instanceof Pending claim)) {
            context.proceed();
            return;
        }
        context.removeProperty(PENDING);
        OutputStream original = context.getOutputStream();
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        context.setOutputStream(new OutputStream() {
            @Override public void write(int b) throws IOException { original.write(b); copy.write(b); }
            @Override public void write(byte[] b, int off, int len) throws IOException {
                original.write(b, off, len);
                copy.write(b, off, len);
            }
            @Override public void flush() throws IOException { original.flush(); }
            @Override public void close() throws IOException { original.close(); }
        });
        try {
            context.proceed();
        } catch (IOException | RuntimeException e) {
            release(claim.owner());
            throw e;
        }
        IdempotencyStore current = store;
        if (current != null) {
            current.complete(claim.owner().principal(), claim.owner().key(), claim.status(),
                    String.valueOf(context.getMediaType()), copy.toByteArray());
        }
    }

    private void release(Owner owner) {
        IdempotencyStore current = store;
        if (current != null) {
            current.release(owner.principal(), owner.key());
        }
    }

    private void purgeNowAndThen(IdempotencyStore current) {
        long now = System.currentTimeMillis();
        if (now >= nextPurge) {
            nextPurge = now + Duration.ofHours(1).toMillis();
            current.purge(RETENTION);
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
