package dev.tessera.platform.rest.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.ws.rs.core.Response;

import dev.tessera.platform.api.ErrorKind;
import dev.tessera.platform.api.FieldError;

/** RFC 9457 problem documents: what went wrong, for the client, with Tessera's stable code. */
final class Problems {
    static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    static Response of(int status, String title, String detail, String code) {
        return of(status, title, detail, code, List.of());
    }

    /** A problem with the fields that were wrong, each as {@code {"field": ..., "message": ...}}. */
    static Response of(int status, String title, String detail, String code, List<FieldError> errors) {
        return of(status, title, detail, code, errors, Map.of());
    }

    /** A problem with the wrong fields and the refusal's details as RFC 9457 extension members, e.g. {@code candidates}. */
    static Response of(int status, String title, String detail, String code, List<FieldError> errors,
                       Map<String, Object> details) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "https://tessera.dev/problems/" + code);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.put("code", code);
        if (!errors.isEmpty()) {
            body.put("errors", errors);
        }
        details.forEach(body::putIfAbsent);
        return Response.status(status).type(MEDIA_TYPE).entity(body).build();
    }

    static int status(ErrorKind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case FORBIDDEN -> 403;
            case UNAVAILABLE -> 503;
            case INTERNAL -> 500;
        };
    }

    static String title(ErrorKind kind) {
        return switch (kind) {
            case INVALID -> "Invalid request";
            case NOT_FOUND -> "Not found";
            case CONFLICT -> "Conflict with the current state";
            case FORBIDDEN -> "Forbidden";
            case UNAVAILABLE -> "Unavailable";
            case INTERNAL -> "Internal error";
        };
    }
}
