package dev.tessera.platform.rest.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Before a request is matched to a resource: no WADL, and request bodies above the configured size are refused with
 * 413 before a resource sees them: by their declared length,
 * or, for a body sent without one, by reading at most one byte past the limit (what was read is passed on).
 */
@Component(service = ContainerRequestFilter.class, configurationPid = BodyLimit.PID)
@Designate(ocd = BodyLimit.Config.class)
@JaxrsExtension
@JaxrsApplicationSelect(RestApplication.SELECT)
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
@JaxrsName(BodyLimit.NAME)
public final class BodyLimit implements ContainerRequestFilter {
    static final String NAME = "tessera.body-limit";
    static final String PID = "dev.tessera.platform.rest";

    @ObjectClassDefinition(name = "Tessera REST")
    public @interface Config {
        @AttributeDefinition(description = "Largest request body accepted, in bytes")
        long maxBodyBytes() default 1_048_576;
    }

    private volatile long max;

    @Activate
    @Modified
    void configure(Config config) {
        max = config.maxBodyBytes() > 0 ? config.maxBodyBytes() : 1_048_576;
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (request.getUriInfo().getQueryParameters().containsKey("_wadl")) {
            // the JAX-RS runtime would describe the application in WADL to anyone: the description is /api/v1/openapi.json
            request.abortWith(Problems.of(404, "Not found", "There is no WADL description; the API is described at"
                    + " /api/v1/openapi.json", "platform.http-404"));
            return;
        }
        if (request.getLength() > max) {
            request.abortWith(tooLarge());
            return;
        }
        if (request.hasEntity() && request.getLength() < 0) {
            // no declared length (chunked): read at most one byte past the limit, and keep what was read
            byte[] body = request.getEntityStream().readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE - 8));
            if (body.length > max) {
                request.abortWith(tooLarge());
                return;
            }
            request.setEntityStream(new ByteArrayInputStream(body));
        }
    }

    private javax.ws.rs.core.Response tooLarge() {
        return Problems.of(413, "Payload too large", "The request body is larger than " + max + " bytes, the most this"
                + " API accepts (etc/" + PID + ".cfg, maxBodyBytes)", "platform.body-too-large");
    }
}
