package dev.tessera.platform.rest.internal;

import java.util.List;

import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import dev.tessera.platform.api.HealthReport;
import dev.tessera.platform.api.HealthService;
import dev.tessera.platform.api.ModuleInfo;
import dev.tessera.platform.api.ModuleManager;
import dev.tessera.platform.api.Ownership;
import dev.tessera.platform.api.OwnershipRegistry;
import dev.tessera.platform.api.Roles;

/** The kernel over HTTP: modules, ownership, health. */
@Component(service = PlatformResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApplication.SELECT)
@Path("platform")
@Produces(MediaType.APPLICATION_JSON)
public final class PlatformResource {
    @Reference
    ModuleManager modules;

    @Reference
    OwnershipRegistry ownership;

    @Reference
    HealthService health;

    @GET
    @Path("modules")
    @RolesAllowed({Roles.VIEWER, Roles.ADMIN})
    public List<ModuleInfo> modules() {
        return modules.modules();
    }

    @POST
    @Path("modules/{id}/enable")
    @RolesAllowed(Roles.ADMIN)
    public List<ModuleInfo> enable(@PathParam("id") String id) {
        return modules.enable(List.of(id));
    }

    @POST
    @Path("modules/{id}/disable")
    @RolesAllowed(Roles.ADMIN)
    public List<ModuleInfo> disable(@PathParam("id") String id) {
        return modules.disable(List.of(id));
    }

    @GET
    @Path("ownership")
    @RolesAllowed({Roles.VIEWER, Roles.ADMIN})
    public List<Ownership> ownership() {
        return ownership.table();
    }

    /** Liveness for anyone (status only, 503 when down); the checks themselves for viewers. */
    @GET
    @Path("health")
    @PermitAll
    @ApiResponse(responseCode = "200", description = "UP; with every check for viewers and admins",
            content = @Content(schema = @Schema(implementation = Health.class)))
    @ApiResponse(responseCode = "503", description = "DOWN; with every check for viewers and admins",
            content = @Content(schema = @Schema(implementation = Health.class)))
    public Response health(@Context SecurityContext caller) {
        HealthReport report = health.report();
        boolean details = caller.getUserPrincipal() != null
                && (caller.isUserInRole(Roles.VIEWER) || caller.isUserInRole(Roles.ADMIN));
        Health body = new Health(report.up() ? "UP" : "DOWN", details ? report.entries() : null);
        return Response.status(report.up() ? 200 : 503).entity(body).build();
    }

    /** The verdict, UP or DOWN; the checks behind it only for viewers and admins. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Health(String status, List<HealthReport.Entry> entries) {
    }
}
