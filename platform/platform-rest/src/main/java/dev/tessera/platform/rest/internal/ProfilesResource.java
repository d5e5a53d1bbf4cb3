package dev.tessera.platform.rest.internal;

import java.util.ArrayList;
import java.util.List;

import javax.annotation.security.RolesAllowed;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.MediaType;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import dev.tessera.platform.api.Profile;
import dev.tessera.platform.api.ProfileManager;
import dev.tessera.platform.api.ProfilePlan;
import dev.tessera.platform.api.Roles;

/** Business profiles over HTTP: list, plan, apply (one operation), demo. */
@Component(service = ProfilesResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApplication.SELECT)
@Path("platform/profiles")
@Produces(MediaType.APPLICATION_JSON)
public final class ProfilesResource {
    @Reference
    ProfileManager profiles;

    @GET
    @RolesAllowed({Roles.VIEWER, Roles.ADMIN})
    public List<Profile> profiles() {
        return profiles.profiles();
    }

    @POST
    @Path("{name}/plan")
    @RolesAllowed({Roles.VIEWER, Roles.ADMIN})
    public ProfilePlan plan(@PathParam("name") String name, @QueryParam("keepOthers") boolean keepOthers) {
        return profiles.plan(name, keepOthers);
    }

    @POST
    @Path("{name}/apply")
    @RolesAllowed(Roles.ADMIN)
    public ProfileRun apply(@PathParam("name") String name, @QueryParam("keepOthers") boolean keepOthers) {
        List<String> steps = new ArrayList<>();
        ProfilePlan plan = profiles.apply(name, keepOthers, steps::add);
        return new ProfileRun(plan, steps);
    }

    @POST
    @Path("{name}/demo")
    @RolesAllowed(Roles.ADMIN)
    public ProfileRun demo(@PathParam("name") String name) {
        List<String> steps = new ArrayList<>();
        ProfilePlan plan = profiles.demo(name, steps::add);
        return new ProfileRun(plan, steps);
    }

    /** What applying a profile (or loading its demo data) planned, and the steps it took, in order. */
    public record ProfileRun(ProfilePlan plan, List<String> steps) {
    }
}
