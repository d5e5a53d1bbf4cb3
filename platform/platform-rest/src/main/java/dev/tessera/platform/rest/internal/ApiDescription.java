package dev.tessera.platform.rest.internal;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import javax.annotation.security.PermitAll;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.runtime.JaxrsServiceRuntime;
import org.osgi.service.jaxrs.runtime.dto.ApplicationDTO;
import org.osgi.service.jaxrs.runtime.dto.ResourceDTO;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.jaxrs2.ext.OpenAPIExtensions;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;

/**
 * {@code GET /api/v1/openapi.json}: the OpenAPI document of the resources that Tessera's application serves at this
 * moment, as the JAX-RS whiteboard reports them; swagger-core reads their JAX-RS annotations on each request, so a
 * module's paths appear when it is enabled and are gone once it is disabled. Public, as published API documentation
 * is: it describes shapes, never data.
 */
@Component(service = ApiDescription.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApplication.SELECT)
@Path("openapi.json")
public final class ApiDescription {
    private final BundleContext context;
    private final JaxrsServiceRuntime runtime;

    private final Answers answers = new Answers();

    @Activate
    public ApiDescription(BundleContext context, @Reference JaxrsServiceRuntime runtime) {
        this.context = context;
        this.runtime = runtime;
        OpenAPIExtensions.getExtensions().add(0, answers);
    }

    @Deactivate
    void deactivate() {
        OpenAPIExtensions.getExtensions().remove(answers);
    }

    /**
     * Read with Tessera's schema conventions ({@link Schemas}: names per module, records as the wire has them, what is
     * required and what may be null) and its answers ({@link Answers}); one document at a time, since swagger-core
     * keeps its converters in one chain for the whole JVM.
     */
    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    public synchronized String describe() throws JsonProcessingException {
        List<ModelConverter> added = Schemas.install(ModelConverters.getInstance());
        try {
            OpenAPI api = new Reader(new SwaggerConfiguration().openAPI(head()).readAllResources(true))
                    .read(resourceClasses());
            api.getComponents().addSchemas(Answers.PROBLEM, Answers.problemSchema());
            Schemas.untypeAnyValues(api.getComponents().getSchemas());
            return Json.mapper().writeValueAsString(api);
        } finally {
            added.forEach(ModelConverters.getInstance()::removeConverter);
        }
    }

    /** The classes of the resources the whiteboard has bound to Tessera's application, this one excepted. */
    Set<Class<?>> resourceClasses() {
        Set<Class<?>> classes = new LinkedHashSet<>();
        for (ApplicationDTO application : runtime.getRuntimeDTO().applicationDTOs) {
            if (!RestApplication.NAME.equals(application.name)) {
                continue;
            }
            for (ResourceDTO resource : application.resourceDTOs) {
                Class<?> type = serviceClass(resource.serviceId);
                if (type != null && type != ApiDescription.class) {
                    classes.add(type);
                }
            }
        }
        return classes;
    }

    private Class<?> serviceClass(long serviceId) {
        try {
            ServiceReference<?>[] refs = context.getServiceReferences((String) null, "(service.id=" + serviceId + ")");
            if (refs == null) {
                return null; // gone since the runtime answered
            }
            Object service = context.getService(refs[0]);
            try {
                return service == null ? null : service.getClass();
            } finally {
                context.ungetService(refs[0]);
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OpenAPI head() {
        return new OpenAPI()
                .info(new Info().title("Tessera API").version("v1").license(new License().name("Apache-2.0"))
                        .description("The CRM and ERP modules installed in this Tessera now. Errors are RFC 9457"
                                + " problem documents (application/problem+json) with a stable 'code'. Lists page"
                                + " with 'limit' and the 'next' cursor of the previous page. A POST sent with an"
                                + " Idempotency-Key header answers a repeated key with the first result."))
                .servers(List.of(new Server().url("/" + RestApplication.BASE)))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("basic").description("A Tessera user (bin/tessera add-user)"))
                        .addSecuritySchemes("token", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").description("An API token (tessera:token-create)")))
                .security(List.of(new SecurityRequirement().addList("basic"), new SecurityRequirement().addList("token")));
    }
}
