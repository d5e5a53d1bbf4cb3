package dev.tessera.platform.rest.internal;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Iterator;

import javax.annotation.security.PermitAll;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PathParam;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Response;

import io.swagger.v3.jaxrs2.ext.AbstractOpenAPIExtension;
import io.swagger.v3.jaxrs2.ext.OpenAPIExtension;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * The answers each operation really gives, from its Java method: the success in place of swagger's "default" (200
 * with the method's return type; 201 for a POST that answers a Response, which is how Tessera's resources answer a
 * created record; 204 for none), unless the method documents its own with {@code @ApiResponse}; and the refusals as
 * RFC 9457 problem documents: 400 for bad input, 401 and 403 unless the operation is open, 404 where the path names a
 * record, 409 and 422 for changes, 413 for bodies, 429 after failed logins, 503 while the database or a module is
 * away, 500 for a failure of Tessera's own (with an incident id).
 */
final class Answers extends AbstractOpenAPIExtension {
    static final String PROBLEM = "platform.Problem";
    private static final String REF = "#/components/schemas/" + PROBLEM;

    /** The problem document, as {@link Problems} writes it. */
    static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("An RFC 9457 problem document: what went wrong, with Tessera's stable code")
                .addProperty("type", new StringSchema().description("https://tessera.dev/problems/<code>"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema().description("What was wrong and how to fix it"))
                .addProperty("code", new StringSchema().description("Stable, e.g. sales.unknown-customer"))
                .addProperty("errors", new ArraySchema().description("Every wrong field of the request")
                        .items(new ObjectSchema().addProperty("field", new StringSchema())
                                .addProperty("message", new StringSchema())
                                .addRequiredItem("field").addRequiredItem("message")))
                .addRequiredItem("type").addRequiredItem("title").addRequiredItem("status")
                .addRequiredItem("detail").addRequiredItem("code");
    }

    @Override
    public void decorateOperation(Operation operation, Method method, Iterator<OpenAPIExtension> chain) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        ApiResponse fallback = responses.remove("default");
        boolean documented = responses.keySet().stream().anyMatch(code -> code.startsWith("2"));
        if (!documented) {
            success(method, fallback, responses);
        }
        boolean open = method.isAnnotationPresent(PermitAll.class);
        boolean changes = !method.isAnnotationPresent(GET.class);
        boolean input = operation.getRequestBody() != null || has(method, QueryParam.class) || has(method, PathParam.class);
        if (input || changes) {
            problem(responses, "400", "Invalid request: a field, parameter or body that is wrong, named in 'errors'");
        }
        if (!open) {
            problem(responses, "401", "No valid credentials (HTTP Basic or an API token)");
            problem(responses, "403", "The user lacks the role this needs");
            problem(responses, "429", "Too many failed logins: try again after Retry-After seconds");
        }
        if (has(method, PathParam.class)) {
            problem(responses, "404", "No such record");
        }
        if (changes) {
            problem(responses, "409", "Conflicts with the current state (or with a request running at the same time)");
            problem(responses, "422", "An Idempotency-Key that was used for a different request");
        }
        if (operation.getRequestBody() != null) {
            problem(responses, "413", "The body is larger than the API accepts");
        }
        problem(responses, "500", "A failure of Tessera's own; the detail names the incident in the log");
        problem(responses, "503", "The database, or a module this needs, is not available now: send it again shortly");
        operation.setResponses(responses);
        super.decorateOperation(operation, method, chain);
    }

    private static void success(Method method, ApiResponse fallback, ApiResponses responses) {
        Class<?> returned = method.getReturnType();
        if (returned == void.class || returned == Void.class) {
            responses.addApiResponse("204", new ApiResponse().description("Done; no body"));
            return;
        }
        ApiResponse ok = fallback == null ? new ApiResponse() : fallback;
        if (returned == Response.class && method.isAnnotationPresent(POST.class)) {
            responses.addApiResponse("201", ok.description("Created; Location names the new record"));
        } else if (returned == Response.class && method.isAnnotationPresent(DELETE.class)) {
            responses.addApiResponse("204", new ApiResponse().description("Deleted; no body"));
        } else {
            responses.addApiResponse("200", ok.description("OK"));
        }
    }

    private static void problem(ApiResponses responses, String status, String description) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().description(description).content(new Content()
                    .addMediaType(Problems.MEDIA_TYPE, new MediaType().schema(new Schema<>().$ref(REF)))));
        }
    }

    private static boolean has(Method method, Class<? extends Annotation> kind) {
        for (Annotation[] parameter : method.getParameterAnnotations()) {
            for (Annotation a : parameter) {
                if (kind.isInstance(a)) {
                    return true;
                }
            }
        }
        return false;
    }
}
