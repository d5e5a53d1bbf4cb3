package dev.tessera.crm.marketing.internal.rest;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import javax.annotation.security.RolesAllowed;
import javax.validation.constraints.NotNull;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import dev.tessera.crm.marketing.api.Attribution;
import dev.tessera.crm.marketing.api.AttributionModel;
import dev.tessera.crm.marketing.api.AttributionReport;
import dev.tessera.crm.marketing.api.Campaign;
import dev.tessera.crm.marketing.api.CampaignChanges;
import dev.tessera.crm.marketing.api.CampaignStatus;
import dev.tessera.crm.marketing.api.Campaigns;
import dev.tessera.crm.marketing.api.LeadScore;
import dev.tessera.crm.marketing.api.MarketingErrors;
import dev.tessera.crm.marketing.api.NewCampaign;
import dev.tessera.crm.marketing.api.NewTouch;
import dev.tessera.crm.marketing.api.Scores;
import dev.tessera.crm.marketing.api.Touch;
import dev.tessera.crm.marketing.api.Touches;
import dev.tessera.platform.api.FieldError;
import dev.tessera.platform.api.Page;
import dev.tessera.platform.api.Roles;
import dev.tessera.platform.api.TesseraException;
import dev.tessera.platform.api.ValidationException;
import dev.tessera.platform.api.RestApi;
import dev.tessera.platform.support.rest.RestParams;

/**
 * {@code /api/v1/marketing}: campaigns, touches, lead scores and attribution. {@code marketing} writes; {@code viewer}
 * and {@code sales} read.
 */
@Component(service = MarketingResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("marketing")
@Produces(MediaType.APPLICATION_JSON)
public final class MarketingResource {
    /** Touches to record, all or none. */
    public record TouchBatch(List<NewTouch> touches) {
    }

    /** What a rescoring did. */
    public record Rescored(int crossed) {
    }

    private final Campaigns campaigns;
    private final Touches touches;
    private final Scores scores;
    private final Attribution attribution;

    @Activate
    public MarketingResource(@Reference Campaigns campaigns, @Reference Touches touches, @Reference Scores scores,
                             @Reference Attribution attribution) {
        this.campaigns = campaigns;
        this.touches = touches;
        this.scores = scores;
        this.attribution = attribution;
    }

    /** Campaigns by code; {@code status} filters. */
    @GET
    @Path("campaigns")
    @RolesAllowed({Roles.MARKETING, Roles.VIEWER, Roles.SALES})
    public Page<Campaign> campaigns(@QueryParam("status") String status, @QueryParam("limit") String limit,
                                    @QueryParam("cursor") String cursor) {
        int size = Page.limit(limit, 50);
        CampaignStatus only = status == null || status.isBlank() ? null
                : RestParams.enumValue(CampaignStatus.class, "status", status, MarketingErrors.INVALID);
        return Page.of(campaigns.campaigns(only, Page.key(cursor), size + 1), size, Campaign::code);
    }

    @GET
    @Path("campaigns/{code}")
    @RolesAllowed({Roles.MARKETING, Roles.VIEWER, Roles.SALES})
    public Campaign campaign(@PathParam("code") String code) {
        return campaigns.campaign(code).orElseThrow(() -> new TesseraException(MarketingErrors.CAMPAIGN_NOT_FOUND,
                "No campaign " + code + " (GET /api/v1/marketing/campaigns lists them)"));
    }

    @POST
    @Path("campaigns")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MARKETING)
    public Response createCampaign(NewCampaign campaign, @Context SecurityContext caller) {
        Campaign created = campaigns.create(campaign, RestParams.user(caller));
        return Response.created(URI.create("marketing/campaigns/" + created.code())).entity(created).build();
    }

    /** Changes name, status, dates, budget or the actual cost. */
    @PUT
    @Path("campaigns/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MARKETING)
    public Campaign updateCampaign(@PathParam("code") String code, CampaignChanges changes,
                                   @Context SecurityContext caller) {
        return campaigns.update(campaign(code).code(), changes, RestParams.user(caller));
    }

    /** Records touches in bulk (at most 10,000), all or none; each with the time it happened. */
    @POST
    @Path("touches")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MARKETING)
    public Response recordTouches(TouchBatch batch, @Context SecurityContext caller) {
        List<Touch> recorded = touches.record(batch == null ? null : batch.touches(), RestParams.user(caller));
        return Response.status(Response.Status.CREATED).entity(new Page<>(recorded, null)).build();
    }

    /** Touches by id; {@code campaign} and {@code email} filter. */
    @GET
    @Path("touches")
    @RolesAllowed({Roles.MARKETING, Roles.VIEWER, Roles.SALES})
    public Page<Touch> touches(@QueryParam("campaign") String campaign, @QueryParam("email") String email,
                               @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        int size = Page.limit(limit, 50);
        return Page.of(touches.touches(campaign, email, Page.longKey(cursor, 0), size + 1), size, Touch::id);
    }

    /** A lead's score with its parts, now or at {@code asOf} (an instant or a day, e.g. 2026-11-01). */
    @GET
    @Path("scores/{leadId}")
    @RolesAllowed({Roles.MARKETING, Roles.VIEWER, Roles.SALES})
    public LeadScore score(@PathParam("leadId") String leadId, @QueryParam("asOf") String asOf) {
        long id = RestParams.id(leadId, MarketingErrors.INVALID);
        return scores.score(id, instant("asOf", asOf)).orElseThrow(() -> new TesseraException(
                MarketingErrors.LEAD_NOT_FOUND, "Marketing knows no lead " + leadId + ": leads come from the"
                + " pipeline's events (GET /api/v1/pipeline/leads lists them)"));
    }

    /** Scores every lead now and records the threshold crossings. */
    @POST
    @Path("scores/rescore")
    @RolesAllowed(Roles.MARKETING)
    public Rescored rescore(@Context SecurityContext caller) {
        return new Rescored(scores.rescore(RestParams.user(caller)));
    }

    /** Won revenue of the period credited to campaigns under a model. */
    @GET
    @Path("attribution")
    @RolesAllowed({Roles.MARKETING, Roles.VIEWER, Roles.SALES})
    public AttributionReport attribution(@NotNull @QueryParam("model") String model,
                                         @NotNull @QueryParam("from") String from,
                                         @NotNull @QueryParam("to") String to) {
        AttributionModel m = model == null || model.isBlank() ? null
                : RestParams.enumValue(AttributionModel.class, "model", model, MarketingErrors.INVALID);
        LocalDate f = from == null || from.isBlank() ? null : RestParams.date("from", from, MarketingErrors.INVALID);
        LocalDate t = to == null || to.isBlank() ? null : RestParams.date("to", to, MarketingErrors.INVALID);
        return attribution.report(m, f, t);
    }

    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            return v.length() == 10 ? LocalDate.parse(v).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
                    : Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new ValidationException(MarketingErrors.INVALID, "Query parameter " + name + " is not a time",
                    List.of(new FieldError(name, "must be a day (2026-11-01) or an instant (2026-11-01T09:30:00Z),"
                            + " not '" + value + "'")));
        }
    }
}
