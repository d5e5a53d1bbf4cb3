package dev.tessera.platform.rest.internal;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.Set;
import java.util.TreeSet;

import javax.annotation.Priority;
import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tessera.platform.api.ApiTokens;

/**
 * HTTP Basic against Karaf's JAAS realm, or an API token ({@code Bearer}), then the roles each resource method declares with {@code @RolesAllowed}
 * ({@code @PermitAll} for the few open endpoints): 401 without valid credentials, 403 with the wrong role.
 * A method that declares neither is refused, so a forgotten annotation never opens an endpoint.
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@JaxrsApplicationSelect(RestApplication.SELECT)
@Priority(Priorities.AUTHENTICATION)
public final class Authentication implements ContainerRequestFilter {
    private static final Logger LOG = LoggerFactory.getLogger(Authentication.class);
    static final String REALM = "karaf";

    @Context
    ResourceInfo resource;

    @org.osgi.service.component.annotations.Reference(
            cardinality = org.osgi.service.component.annotations.ReferenceCardinality.OPTIONAL,
            policy = org.osgi.service.component.annotations.ReferencePolicy.DYNAMIC)
    private volatile ApiTokens tokens;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
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
        Caller caller = header == null ? null : authenticate(header);
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
        if (open) {
            return;
        }
        if (allowed == null || caller.roles().stream().noneMatch(Set.of(allowed.value())::contains)) {
            String needed = allowed == null ? "(none declared)" : String.join(" or ", allowed.value());
            LOG.warn("Refused {} {} to user {}: needs role {}", request.getMethod(), request.getUriInfo().getPath(),
                    caller.name(), needed);
            request.abortWith(Problems.of(403, "Forbidden", "User '" + caller.name() + "' lacks the role this needs: "
                    + needed, "platform.forbidden"));
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
        char[] password = decoded.substring(colon + 1).toCharArray();
        Subject subject = new Subject();
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
        } catch (LoginException e) {
            LOG.info("REST login refused for user {}: {}", user, e.getMessage());
            return null;
        }
        Set<String> roles = new TreeSet<>();
        for (Principal p : subject.getPrincipals()) {
            if (p.getClass().getSimpleName().equals("RolePrincipal")) {
                roles.add(p.getName());
            }
        }
        return new Caller(user, roles);
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
