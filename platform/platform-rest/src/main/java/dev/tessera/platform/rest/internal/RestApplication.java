package dev.tessera.platform.rest.internal;

import javax.ws.rs.core.Application;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/** Tessera's one JAX-RS application; modules add resources to it with {@code @JaxrsApplicationSelect}. */
@Component(service = Application.class)
@JaxrsApplicationBase(RestApplication.BASE)
@JaxrsName(RestApplication.NAME)
public final class RestApplication extends Application {
    static final String BASE = "api/v1";
    static final String NAME = "tessera";
    /** What a module's resource puts in {@code @JaxrsApplicationSelect} to join this application. */
    static final String SELECT = "(osgi.jaxrs.name=" + NAME + ")";
}
