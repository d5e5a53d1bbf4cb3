package dev.tessera.platform.rest.internal;

import java.util.List;
import java.util.UUID;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import dev.tessera.platform.api.ErrorKind;
import dev.tessera.platform.api.FieldError;
import dev.tessera.platform.api.TesseraException;
import dev.tessera.platform.api.ValidationException;

/** Every error leaves as problem+json: refusals with their code, malformed input as 400, never a stack trace. */
final class ProblemMappers {
    private static final Logger LOG = LoggerFactory.getLogger(ProblemMappers.class);

    static final String REFUSALS = "tessera.problems.refusals";
    static final String MALFORMED = "tessera.problems.malformed-json";
    static final String HTTP = "tessera.problems.http";
    static final String INTERNAL = "tessera.problems.internal";

    private ProblemMappers() {
    }

    @Component(service = ExceptionMapper.class)
    @JaxrsExtension
    @JaxrsApplicationSelect(RestApplication.SELECT)
    @JaxrsName(REFUSALS)
    public static final class Refusals implements ExceptionMapper<TesseraException> {
        @Override
        public Response toResponse(TesseraException e) {
            if (e.kind() == ErrorKind.INTERNAL) {
                return Internal.internal(e);
            }
            List<FieldError> errors = e instanceof ValidationException invalid ? invalid.errors() : List.of();
            return Problems.of(Problems.status(e.kind()), Problems.title(e.kind()), e.getMessage(), e.code(), errors,
                    e.details());
        }
    }

    @Component(service = ExceptionMapper.class)
    @JaxrsExtension
    @JaxrsApplicationSelect(RestApplication.SELECT)
    @JaxrsName(MALFORMED)
    public static final class MalformedJson implements ExceptionMapper<JsonProcessingException> {
        @Override
        public Response toResponse(JsonProcessingException e) {
            if (e instanceof UnrecognizedPropertyException unknown) {
                String field = path(unknown);
                String allowed = unknown.getKnownPropertyIds() == null ? "" : "; the fields it takes are "
                        + unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
                return Problems.of(400, "Invalid request", "Field '" + field + "' is not one this endpoint takes"
                        + allowed, "platform.unknown-field", List.of(new FieldError(field, "is not a field of this request")));
            }
            if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                    && e.getOriginalMessage().startsWith(JsonProvider.INVISIBLE)) {
                String field = path(mapping);
                return Problems.of(400, "Invalid request", "Field '" + field + "' " + e.getOriginalMessage(),
                        "platform.invalid-text", List.of(new FieldError(field, e.getOriginalMessage())));
            }
            if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
                String field = path(mapping);
                String expected = e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null
                        ? (absent(mismatch) ? "is required: " : "must be ") + describe(mismatch.getTargetType())
                        : "has a value this endpoint cannot take";
                return Problems.of(400, "Invalid request", "Field '" + field + "' " + expected, "platform.invalid-json",
                        List.of(new FieldError(field, expected)));
            }
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")";
            String what = e instanceof JsonMappingException ? "does not have the shape this endpoint takes"
                    : "is not valid JSON: " + e.getOriginalMessage().lines().findFirst().orElse("");
            return Problems.of(400, "Invalid request", "The request body " + what + where, "platform.invalid-json");
        }

        /** A number or flag the body left out (or sent as null) where the request needs one: it has no default. */
        static boolean absent(MismatchedInputException e) {
            return e.getTargetType() != null && e.getTargetType().isPrimitive() && e.getOriginalMessage() != null
                    && e.getOriginalMessage().startsWith("Cannot map `null` into type");
        }

        private static String path(JsonMappingException e) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference step : e.getPath()) {
                if (step.getFieldName() != null) {
                    path.append(path.length() == 0 ? "" : ".").append(step.getFieldName());
                } else if (step.getIndex() >= 0) {
                    path.append('[').append(step.getIndex()).append(']');
                }
            }
            return path.length() == 0 ? "(body)" : path.toString();
        }

        private static String describe(Class<?> type) {
            if (type.isEnum()) {
                return "one of " + java.util.Arrays.toString(type.getEnumConstants());
            }
            if (type == String.class) {
                return "a string";
            }
            if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
                return "a whole number";
            }
            if (type == java.math.BigDecimal.class) {
                return "a decimal number, e.g. 250.00 or \"250.00\"";
            }
            if (type == java.time.LocalDate.class) {
                return "a date as \"YYYY-MM-DD\"";
            }
            if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
                return "a number";
            }
            if (type == boolean.class || type == Boolean.class) {
                return "true or false";
            }
            if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
                return "a list";
            }
            return "an object";
        }
    }

    @Component(service = ExceptionMapper.class)
    @JaxrsExtension
    @JaxrsApplicationSelect(RestApplication.SELECT)
    @JaxrsName(HTTP)
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
    @JaxrsName(INTERNAL)
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
