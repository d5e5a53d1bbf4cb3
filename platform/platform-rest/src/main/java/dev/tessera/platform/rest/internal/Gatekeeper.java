package dev.tessera.platform.rest.internal;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Principal;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import javax.annotation.Priority;
import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.AccountLockedException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ContainerResponseContext;
import javax.ws.rs.container.ContainerResponseFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.ext.Providers;

import org.apache.karaf.jaas.boot.principal.ClientPrincipal;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tessera.platform.api.ApiTokens;
import dev.tessera.platform.api.persistence.Transactions;

/**
 * What every request of Tessera's application passes, in this order and in one filter so that no ordering of
 * extensions can change it: authentication (HTTP Basic against Karaf's JAAS realm, or an API token as
 * {@code Bearer}), then the roles the resource method declares with {@code @RolesAllowed} ({@code @PermitAll} for the
 * few open endpoints), then {@link Idempotency} for a POST with an {@code Idempotency-Key}. 401 without valid
 * credentials, 403 with the wrong role; a method that declares neither is refused, so a forgotten annotation never
 * opens an endpoint. The application requires this extension, so no resource is ever served without it.
 */
@Component(service = {ContainerRequestFilter.class, ContainerResponseFilter.class})
@JaxrsExtension
@JaxrsName(Gatekeeper.NAME)
@JaxrsApplicationSelect(RestApplication.SELECT)
@Priority(Priorities.AUTHENTICATION)
public final class Gatekeeper implements ContainerRequestFilter, ContainerResponseFilter {
    private static final Logger LOG = LoggerFactory.getLogger(Gatekeeper.class);
    static final String NAME = "tessera.gatekeeper";
    static final String REALM = "karaf";

    @Context
    ResourceInfo resource;

    @Context
    Providers providers;

    @Context
    HttpServletRequest http;

    /** How long a successful Basic login is remembered. */
    static final Duration REMEMBER = Duration.ofSeconds(30);
    private static final byte[] PROOF_KEY = randomKey();
    private final Map<String, Cached> recent = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ApiTokens tokens;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile IdempotencyStore idempotency;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Transactions transactions;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        Transactions current = transactions;
        if (current != null) {
            current.rollBackAbandoned(); // a pooled thread never carries an earlier request's transaction
        }
        Method method = resource.getResourceMethod();
        if (method == null) {
            return; // no such resource: the 404 says so
        }
        boolean open = method.isAnnotationPresent(PermitAll.class);
        RolesAllowed allowed = method.getAnnotation(RolesAllowed.class);
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (open && header == null) {
            return;
        }
        Caller caller;
        try {
            caller = header == null ? null : authenticate(header);
        } catch (Locked locked) {
            request.abortWith(javax.ws.rs.core.Response.fromResponse(Problems.of(429, "Too many requests",
                    locked.getMessage() + "; the failed logins before it were logged", "platform.login-locked"))
                    .header("Retry-After", retryAfter(locked.getMessage())).build());
            return;
        }
        if (caller == null) {
            if (open) {
                return;
            }
            request.abortWith(javax.ws.rs.core.Response.fromResponse(Problems.of(401, "Unauthorized",
                    "Send HTTP Basic credentials of a Tessera user (bin/tessera add-user creates one) or an API token"
                    + " as 'Authorization: Bearer <secret>' (tessera:token-create)",
                    "platform.unauthenticated")).header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Tessera\"").build());
            return;
        }
        request.setSecurityContext(caller.securityContext(request.getSecurityContext().isSecure()));
        if (!open && (allowed == null || caller.roles().stream().noneMatch(Set.of(allowed.value())::contains))) {
            String needed = allowed == null ? "(none declared)" : String.join(" or ", allowed.value());
            LOG.warn("Refused {} {} to user {}: needs role {}", request.getMethod(), request.getUriInfo().getPath(),
                    caller.name(), needed);
            request.abortWith(Problems.of(403, "Forbidden", "User '" + caller.name() + "' lacks the role this needs: "
                    + needed, "platform.forbidden"));
            return;
        }
        Idempotency.before(request, caller.name(), idempotency);
    }

    /** The seconds of "... try again in N s" for Retry-After. */
    static String retryAfter(String message) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+) s").matcher(message == null ? "" : message);
        return m.find() ? m.group(1) : "60";
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        relativeLocation(response);
        Idempotency.after(request, response, providers);
    }

    /**
     * A Location names the new record by its path on this server: JAX-RS makes it absolute from the request's own
     * Host header, which a client (or whoever sits between it and Tessera) chooses, and a client that follows it
     * would send its credentials there.
     */
    static void relativeLocation(ContainerResponseContext response) {
        Object location = response.getHeaders().getFirst(javax.ws.rs.core.HttpHeaders.LOCATION);
        if (location == null) {
            return;
        }
        try {
            java.net.URI uri = location instanceof java.net.URI u ? u : java.net.URI.create(location.toString());
            if (uri.isAbsolute() || uri.getRawAuthority() != null) {
                response.getHeaders().putSingle(javax.ws.rs.core.HttpHeaders.LOCATION, uri.getRawPath()
                        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
            }
        } catch (IllegalArgumentException e) {
            response.getHeaders().remove(javax.ws.rs.core.HttpHeaders.LOCATION);
        }
    }

    private Caller authenticate(String header) {
        if (header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            ApiTokens current = tokens;
            if (current == null) {
                return null;
            }
            return current.authenticate(header.substring(7).trim())
                    .map(token -> new Caller(token.user(), token.roles())).orElse(null);
        }
        if (!header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon < 1) {
            return null;
        }
        String user = decoded.substring(0, colon);
        String secret = decoded.substring(colon + 1);
        byte[] proof = proof(user, secret);
        Cached cached = recent.get(user);
        if (cached != null && cached.until() - System.nanoTime() > 0 && MessageDigest.isEqual(cached.proof(), proof)) {
            return new Caller(user, cached.roles());
        }
        char[] password = secret.toCharArray();
        Subject subject = new Subject();
        String address = remoteAddress();
        if (address != null) {
            subject.getPrincipals().add(new ClientPrincipal("http", address));
        }
        try {
            LoginContext login = new LoginContext(REALM, subject, callbacks -> {
                for (var callback : callbacks) {
                    if (callback instanceof NameCallback name) {
                        name.setName(user);
                    } else if (callback instanceof PasswordCallback pass) {
                        pass.setPassword(password);
                    } else {
                        throw new UnsupportedCallbackException(callback);
                    }
                }
            });
            login.login();
        } catch (AccountLockedException e) {
            throw new Locked(e.getMessage());
        } catch (LoginException e) {
            LOG.info("REST login refused for user {}: {}", user, e.getMessage());
            return null;
        } finally {
            Arrays.fill(password, '\0');
        }
        Set<String> roles = new TreeSet<>();
        for (Principal p : subject.getPrincipals()) {
            if (p.getClass().getSimpleName().equals("RolePrincipal")) {
                roles.add(p.getName());
            }
        }
        if (recent.size() > 1000) {
            recent.clear();
        }
        recent.put(user, new Cached(proof, Set.copyOf(roles), System.nanoTime() + REMEMBER.toNanos()));
        return new Caller(user, roles);
    }

    /** The login was refused without looking at the password: too many recent failures. */
    private static final class Locked extends RuntimeException {
        Locked(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * A Basic login that succeeded lately: a keyed hash of the credentials (never the password) and the roles. A
     * request with the same credentials within {@link #REMEMBER} is not checked against the realm again, so the
     * realm's slow password hash is paid once per client and not on every call; a changed password or role takes
     * effect within that time.
     */
    private record Cached(byte[] proof, Set<String> roles, long until) {
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    private static byte[] proof(String user, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(PROOF_KEY, "HmacSHA256"));
            return mac.doFinal((user + '\0' + password).getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private String remoteAddress() {
        try {
            return http == null ? null : http.getRemoteAddr();
        } catch (RuntimeException outsideARequest) {
            return null;
        }
    }

    /** The authenticated user and roles. */
    record Caller(String name, Set<String> roles) {
        SecurityContext securityContext(boolean secure) {
            Principal principal = () -> name;
            return new SecurityContext() {
                @Override public Principal getUserPrincipal() { return principal; }
                @Override public boolean isUserInRole(String role) { return roles.contains(role); }
                @Override public boolean isSecure() { return secure; }
                @Override public String getAuthenticationScheme() { return BASIC_AUTH; }
            };
        }
    }
}
