package dev.tessera.crm.marketing.internal.rest;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.annotation.security.PermitAll;
import javax.annotation.security.RolesAllowed;
import javax.validation.constraints.NotNull;
import javax.ws.rs.Consumes;
import javax.ws.rs.FormParam;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
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

import io.swagger.v3.oas.annotations.Hidden;
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
import dev.tessera.crm.marketing.api.Consent;
import dev.tessera.crm.marketing.api.FormSubmission;
import dev.tessera.crm.marketing.api.NewWebForm;
import dev.tessera.crm.marketing.api.WebForm;
import dev.tessera.crm.marketing.api.WebFormCreated;
import dev.tessera.crm.marketing.api.WebForms;
import dev.tessera.crm.marketing.api.ConsentChange;
import dev.tessera.crm.marketing.api.LeadScore;
import dev.tessera.crm.marketing.api.MailingList;
import dev.tessera.crm.marketing.api.MarketingErrors;
import dev.tessera.crm.marketing.api.NewCampaign;
import dev.tessera.crm.marketing.api.NewMailingList;
import dev.tessera.crm.marketing.api.NewTouch;
import dev.tessera.crm.marketing.api.Scores;
import dev.tessera.crm.marketing.api.Subscription;
import dev.tessera.crm.marketing.api.SubscriptionStatus;
import dev.tessera.crm.marketing.api.Suppression;
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
 * {@code /api/v1/marketing}: campaigns, touches, lead scores, attribution, mailing lists, subscriptions and the
 * suppression list. {@code marketing} writes; {@code viewer} reads (and {@code sales} all but the consent records);
 * {@code public/confirm} is the page of a confirmation link, open to anyone holding one.
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

    /** A subscription to ask for or end: list code, address, where it came from. */
    public record SubscriptionRequest(String list, String email, String source) {
    }

    /** An address opting out of all marketing mail, or found to bounce for good. */
    public record AddressRequest(String email, String source) {
    }

    /** What marketing knows of an address's consent: its subscriptions, suppression and history. */
    public record ConsentRecord(String email, List<Subscription> subscriptions, Suppression suppression,
                                List<ConsentChange> history) {
    }

    private final Campaigns campaigns;
    private final Touches touches;
    private final Scores scores;
    private final Attribution attribution;
    private final Consent consent;
    private final WebForms forms;

    @Activate
    public MarketingResource(@Reference Campaigns campaigns, @Reference Touches touches, @Reference Scores scores,
                             @Reference Attribution attribution, @Reference Consent consent,
                             @Reference WebForms forms) {
        this.forms = forms;
        this.campaigns = campaigns;
        this.touches = touches;
        this.scores = scores;
        this.attribution = attribution;
        this.consent = consent;
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

    // ================================================================ consent

    @GET
    @Path("lists")
    @RolesAllowed({Roles.MARKETING, Roles.VIEWER, Roles.SALES})
    public Page<MailingList> lists(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        int size = Page.limit(limit, 50);
        return Page.of(consent.lists(Page.key(cursor), size + 1), size, MailingList::code);
    }

    @GET
    @Path("lists/{code}")
    @RolesAllowed({Roles.MARKETING, Roles.VIEWER, Roles.SALES})
    public MailingList list(@PathParam("code") String code) {
        return consent.list(code).orElseThrow(() -> new TesseraException(MarketingErrors.LIST_NOT_FOUND,
                "No list " + code + " (GET /api/v1/marketing/lists lists them)"));
    }

    @POST
    @Path("lists")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MARKETING)
    public Response createList(NewMailingList list, @Context SecurityContext caller) {
        MailingList created = consent.createList(list, RestParams.user(caller));
        return Response.created(URI.create("marketing/lists/" + created.code())).entity(created).build();
    }

    /** A list's subscriptions ({@code list}, {@code status} filters) or all of one address's ({@code email}). */
    @GET
    @Path("subscriptions")
    @RolesAllowed({Roles.MARKETING, Roles.VIEWER})
    public Page<Subscription> subscriptions(@QueryParam("list") String list, @QueryParam("email") String email,
                                            @QueryParam("status") String status, @QueryParam("limit") String limit,
                                            @QueryParam("cursor") String cursor) {
        if (email != null && !email.isBlank()) {
            return new Page<>(consent.subscriptionsOf(email), null);
        }
        if (list == null || list.isBlank()) {
            throw new ValidationException(MarketingErrors.INVALID, "Say whose subscriptions to list",
                    List.of(new FieldError("list", "is required unless email is given: a list's code")));
        }
        int size = Page.limit(limit, 50);
        SubscriptionStatus only = status == null || status.isBlank() ? null
                : RestParams.enumValue(SubscriptionStatus.class, "status", status, MarketingErrors.INVALID);
        return Page.of(consent.subscriptions(list, only, Page.key(cursor), size + 1), size, Subscription::email);
    }

    /**
     * Subscribes an address; 201 with the subscription, which is {@code PENDING} while a confirmation mail waits for
     * the person (double opt-in lists, suppressed addresses).
     */
    @POST
    @Path("subscriptions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MARKETING)
    public Response subscribe(SubscriptionRequest in, @Context SecurityContext caller) {
        SubscriptionRequest r = in == null ? new SubscriptionRequest(null, null, null) : in;
        Subscription s = consent.subscribe(r.list(), r.email(), r.source(), RestParams.user(caller));
        return Response.status(Response.Status.CREATED).entity(s).build();
    }

    /** Ends one list's subscription; the address's other lists stay. */
    @POST
    @Path("subscriptions/unsubscribe")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MARKETING)
    public Subscription unsubscribe(SubscriptionRequest in, @Context SecurityContext caller) {
        SubscriptionRequest r = in == null ? new SubscriptionRequest(null, null, null) : in;
        return consent.unsubscribe(r.list(), r.email(), r.source(), RestParams.user(caller));
    }

    /** A global opt-out: every subscription ends and the address is suppressed. */
    @POST
    @Path("opt-outs")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MARKETING)
    public Suppression optOut(AddressRequest in, @Context SecurityContext caller) {
        AddressRequest r = in == null ? new AddressRequest(null, null) : in;
        return consent.optOut(r.email(), r.source(), RestParams.user(caller));
    }

    /** A hard bounce reported by an integration (a mail service's webhook): the address is suppressed. */
    @POST
    @Path("bounces")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MARKETING)
    public Suppression bounce(AddressRequest in, @Context SecurityContext caller) {
        AddressRequest r = in == null ? new AddressRequest(null, null) : in;
        return consent.hardBounce(r.email(), r.source(), RestParams.user(caller));
    }

    @GET
    @Path("suppressions")
    @RolesAllowed({Roles.MARKETING, Roles.VIEWER})
    public Page<Suppression> suppressions(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        int size = Page.limit(limit, 50);
        return Page.of(consent.suppressions(Page.key(cursor), size + 1), size, Suppression::email);
    }

    /** Everything marketing holds on an address's consent: the evidence of every change. */
    @GET
    @Path("consent")
    @RolesAllowed({Roles.MARKETING, Roles.VIEWER})
    public ConsentRecord consentOf(@NotNull @QueryParam("email") String email) {
        if (email == null || email.isBlank()) {
            throw new ValidationException(MarketingErrors.INVALID, "Say whose consent to show",
                    List.of(new FieldError("email", "is required: an e-mail address")));
        }
        String address = email.trim().toLowerCase(java.util.Locale.ROOT);
        return new ConsentRecord(address, consent.subscriptionsOf(address), consent.suppression(address).orElse(null),
                consent.history(address));
    }

    // ================================================================ web forms

    @GET
    @Path("forms")
    @RolesAllowed({Roles.MARKETING, Roles.VIEWER})
    public Page<WebForm> forms() {
        return new Page<>(forms.forms(), null);
    }

    /** Creates a form; 201 with the form and its key, shown this once. */
    @POST
    @Path("forms")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.MARKETING)
    public Response createForm(NewWebForm form, @Context SecurityContext caller) {
        WebFormCreated created = forms.create(form, RestParams.user(caller));
        return Response.created(URI.create("marketing/forms/" + created.form().code())).entity(created).build();
    }

    /**
     * A website's form posting a person's details, without a login but with the form's key ({@code X-Form-Key});
     * 201 with what it did, 429 with {@code Retry-After} above the form's rate.
     */
    @POST
    @Path("forms/{form}/submissions")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(@PathParam("form") String form, @HeaderParam("X-Form-Key") String key,
                           FormSubmission submission) {
        try {
            return Response.status(Response.Status.CREATED).entity(forms.submit(form, key, submission)).build();
        } catch (TesseraException e) {
            if (!MarketingErrors.RATE_LIMITED.code().equals(e.code())) {
                throw e;
            }
            java.util.regex.Matcher wait = java.util.regex.Pattern.compile("in (\\d+) s").matcher(e.getMessage());
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "https://tessera.dev/problems/" + e.code());
            problem.put("title", "Too many requests");
            problem.put("status", 429);
            problem.put("detail", e.getMessage());
            problem.put("code", e.code());
            return Response.status(429).type("application/problem+json").entity(problem)
                    .header("Retry-After", wait.find() ? wait.group(1) : "60").build();
        }
    }

    /**
     * The page a confirmation link opens: it asks the person to press a button, so a mail scanner that follows links
     * confirms nothing.
     */
    @GET
    @Path("public/confirm")
    @PermitAll
    @Hidden
    @Produces(MediaType.TEXT_HTML)
    public Response confirmationPage(@QueryParam("token") String token) {
        if (token == null || token.isBlank()) {
            return page(400, "Link incomplete", "This confirmation link has no token. Open the link of the"
                    + " confirmation mail as it came, or subscribe again.");
        }
        return page(200, "Confirm your subscription", "<form method=\"post\"><input type=\"hidden\" name=\"token\""
                + " value=\"" + html(token.trim()) + "\"><button type=\"submit\">Yes, subscribe me</button></form>");
    }

    /** The button of the confirmation page. */
    @POST
    @Path("public/confirm")
    @PermitAll
    @Hidden
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response confirm(@FormParam("token") String token) {
        try {
            Subscription s = consent.confirm(token);
            String name = consent.list(s.list()).map(MailingList::name).orElse(s.list());
            return page(200, "Subscribed", html(s.email()) + " is subscribed to " + html(name) + ". Thank you.");
        } catch (TesseraException e) {
            return page(400, "Not confirmed", html(e.getMessage()) + " [" + html(e.code()) + "]");
        }
    }

    private static Response page(int status, String title, String body) {
        String text = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title
                + "</title></head><body><h1>" + title + "</h1><p>" + body + "</p></body></html>";
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8")).entity(text)
                .header("Cache-Control", "no-store").header("Content-Security-Policy", "default-src 'none';"
                        + " form-action 'self'").header("Referrer-Policy", "no-referrer").build();
    }

    private static String html(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
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
