package dev.tessera.platform.rest.internal;

import javax.ws.rs.core.Application;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import dev.tessera.platform.api.RestApi;

/**
 * Tessera's one JAX-RS application; modules add resources to it with {@code @JaxrsApplicationSelect}. It requires
 * its gatekeeper (authentication, roles, idempotency), its JSON and its problem mappers: until all of them are
 * registered, nothing of it is served, so no request can ever reach a resource unchecked or leave as HTML.
 */
@Component(service = Application.class)
@JaxrsApplicationBase(RestApplication.BASE)
@JaxrsName(RestApplication.NAME)
@JaxrsExtensionSelect({"(osgi.jaxrs.name=" + Gatekeeper.NAME + ")", "(osgi.jaxrs.name=" + JsonProvider.NAME + ")",
        "(osgi.jaxrs.name=" + BodyLimit.NAME + ")", "(osgi.jaxrs.name=" + ProblemMappers.REFUSALS + ")",
        "(osgi.jaxrs.name=" + ProblemMappers.MALFORMED + ")", "(osgi.jaxrs.name=" + ProblemMappers.HTTP + ")",
        "(osgi.jaxrs.name=" + ProblemMappers.INTERNAL + ")"})
public final class RestApplication extends Application {
    static final String BASE = RestApi.BASE_PATH;
    static final String NAME = RestApi.APPLICATION_NAME;
    /** What a module's resource puts in {@code @JaxrsApplicationSelect} to join this application. */
    static final String SELECT = RestApi.APPLICATION_SELECT;
}
