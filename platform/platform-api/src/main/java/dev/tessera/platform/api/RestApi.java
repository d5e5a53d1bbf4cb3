package dev.tessera.platform.api;

/**
 * Where a module's REST resources join Tessera's API: the JAX-RS whiteboard application they select (its
 * authentication, roles, idempotency, JSON and problem documents come with it) under {@link #BASE_PATH}.
 * A resource is {@code @JaxrsResource @JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)}.
 */
public interface RestApi {
    /** The whiteboard name of Tessera's JAX-RS application. */
    String APPLICATION_NAME = "tessera";
    /** The filter that selects Tessera's application. */
    String APPLICATION_SELECT = "(osgi.jaxrs.name=" + APPLICATION_NAME + ")";
    /** The path the API is served under: {@code /api/v1}. */
    String BASE_PATH = "api/v1";
}
