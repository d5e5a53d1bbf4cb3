package dev.tessera.platform.rest.internal;

import java.util.UUID;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.tessera.platform.api.ErrorKind;
import dev.tessera.platform.api.TesseraException;

/** Every error leaves as problem+json: refusals with their code, malformed input as 400, never a stack trace. */
final class ProblemMappers {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemMappers.class);

    private ProblemMappers() {
    }

    @Component(service = ExceptionMapper.class)
    @JaxrsExtension
    @JaxrsApplicationSelect(RestApplication.SELECT)
    public static final class Refusals implements ExceptionMapper<TesseraException> {
        @Override
        public Response toResponse(TesseraException e) {
            if (e.kind() == ErrorKind.INTERNAL) {
                return Internal.internal(e);
            }
            return Problems.of(Problems.status(e.kind()), Problems.title(e.kind()), e.getMessage(), e.code());
        }
    }

    @Component(service = ExceptionMapper.class)
    @JaxrsExtension
    @JaxrsApplicationSelect(RestApplication.SELECT)
    public static final class MalformedJson implements ExceptionMapper<JsonProcessingException> {
        @Override
        public Response toResponse(JsonProcessingException e) {
            return Problems.of(400, "Invalid request", "The request body is not the JSON this endpoint takes: "
                    + e.getOriginalMessage(), "platform.invalid-json");
        }
    }

    @Component(service = ExceptionMapper.class)
    @JaxrsExtension
    @JaxrsApplicationSelect(RestApplication.SELECT)
    public static final class Http implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            if (Problems.MEDIA_TYPE.equals(String.valueOf(e.getResponse().getMediaType()))) {
                return e.getResponse(); // already a problem document
            }
            int status = e.getResponse().getStatus();
            String reason = e.getResponse().getStatusInfo().getReasonPhrase();
            return Problems.of(status, reason, e.getMessage() == null ? reason : e.getMessage(),
                    "platform.http-" + status);
        }
    }

    @Component(service = ExceptionMapper.class)
    @JaxrsExtension
    @JaxrsApplicationSelect(RestApplication.SELECT)
    public static final class Internal implements ExceptionMapper<RuntimeException> {
        @Override
        public Response toResponse(RuntimeException e) {
            return internal(e);
        }

        static Response internal(Exception e) {
            String incident = UUID.randomUUID().toString();
            LOG.error("Internal error {} while serving a REST request", incident, e);
            return Problems.of(500, "Internal error", "Tessera failed while handling this request; the log has the"
                    + " details under incident " + incident, "platform.internal");
        }
    }
}
