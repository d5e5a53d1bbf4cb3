package dev.tessera.crm.pipeline.internal.rest;

import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;
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

import dev.tessera.crm.pipeline.api.Account;
import dev.tessera.crm.pipeline.api.Accounts;
import dev.tessera.crm.pipeline.api.Activity;
import dev.tessera.crm.pipeline.api.Contact;
import dev.tessera.crm.pipeline.api.Deals;
import dev.tessera.crm.pipeline.api.DuplicateCandidate;
import dev.tessera.crm.pipeline.api.DuplicatePair;
import dev.tessera.crm.pipeline.api.Forecast;
import dev.tessera.crm.pipeline.api.Lead;
import dev.tessera.crm.pipeline.api.LeadMarketing;
import dev.tessera.crm.pipeline.api.LeadStatus;
import dev.tessera.crm.pipeline.api.Leads;
import dev.tessera.crm.pipeline.api.NewAccount;
import dev.tessera.crm.pipeline.api.NewActivity;
import dev.tessera.crm.pipeline.api.NewContact;
import dev.tessera.crm.pipeline.api.NewLead;
import dev.tessera.crm.pipeline.api.NewOpportunity;
import dev.tessera.crm.pipeline.api.NewQuote;
import dev.tessera.crm.pipeline.api.Opportunity;
import dev.tessera.crm.pipeline.api.OpportunityStatus;
import dev.tessera.crm.pipeline.api.PipelineErrors;
import dev.tessera.crm.pipeline.api.Qualification;
import dev.tessera.crm.pipeline.api.Qualified;
import dev.tessera.crm.pipeline.api.Quote;
import dev.tessera.crm.pipeline.api.Quotes;
import dev.tessera.crm.pipeline.api.Stage;
import dev.tessera.crm.pipeline.api.StageChange;
import dev.tessera.crm.pipeline.internal.LeadsCsv;
import dev.tessera.platform.api.FieldError;
import dev.tessera.platform.api.Page;
import dev.tessera.platform.api.RestApi;
import dev.tessera.platform.api.Roles;
import dev.tessera.platform.api.TesseraException;
import dev.tessera.platform.api.ValidationException;
import dev.tessera.platform.support.rest.RestParams;

/**
 * {@code /api/v1/pipeline}: accounts and contacts, leads (duplicates, merge, import, qualification), opportunities
 * and their stages, activities, quotes and the forecast. {@code sales} writes; {@code sales} and {@code viewer} read.
 */
@Component(service = PipelineResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("pipeline")
@Produces(MediaType.APPLICATION_JSON)
public final class PipelineResource {
    /** A stage to move a deal to. */
    /** How many leads a CSV import created. */
    public record LeadsImported(int imported) {
    }

    public record StageMove(String stage) {
    }

    /** Why a deal was won or lost, or a quote rejected, or a lead disqualified. */
    public record Reason(String reason) {
    }

    /** The lead to merge into the one in the path. */
    public record Merge(Long duplicate) {
    }

    private final Accounts accounts;
    private final Leads leads;
    private final Deals deals;
    private final Quotes quotes;

    @Activate
    public PipelineResource(@Reference Accounts accounts, @Reference Leads leads, @Reference Deals deals,
                            @Reference Quotes quotes) {
        this.accounts = accounts;
        this.leads = leads;
        this.deals = deals;
        this.quotes = quotes;
    }

    // ---------------------------------------------------------------- accounts and contacts

    @GET
    @Path("accounts")
    @RolesAllowed({Roles.SALES, Roles.VIEWER})
    public Page<Account> accounts(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        int size = Page.limit(limit, 50);
        return Page.of(accounts.accounts(Page.longKey(cursor, 0), size + 1), size, Account::id);
    }

    @GET
    @Path("accounts/{id}")
    @RolesAllowed({Roles.SALES, Roles.VIEWER})
    public Account account(@PathParam("id") String id) {
        return accounts.account(id(id)).orElseThrow(() -> new TesseraException(PipelineErrors.ACCOUNT_NOT_FOUND,
                "No account " + id));
    }

    @POST
    @Path("accounts")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SALES)
    public Response createAccount(NewAccount account, @Context SecurityContext caller) {
        Account created = accounts.createAccount(account, user(caller));
        return Response.created(URI.create("pipeline/accounts/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("accounts/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SALES)
    public Account updateAccount(@PathParam("id") String id, NewAccount changes, @Context SecurityContext caller) {
        return accounts.updateAccount(id(id), changes, user(caller));
    }

    @GET
    @Path("accounts/{id}/contacts")
    @RolesAllowed({Roles.SALES, Roles.VIEWER})
    public List<Contact> accountContacts(@PathParam("id") String id) {
        return accounts.contacts(id(id));
    }

    @GET
    @Path("contacts")
    @RolesAllowed({Roles.SALES, Roles.VIEWER})
    public List<Contact> contacts(@QueryParam("accountId") @NotNull String accountId) {
        if (accountId == null) {
            throw new ValidationException(PipelineErrors.INVALID, "Name the account whose contacts to list",
                    List.of(new FieldError("accountId", "is required")));
        }
        return accounts.contacts(id(accountId));
    }

    @GET
    @Path("contacts/{id}")
    @RolesAllowed({Roles.SALES, Roles.VIEWER})
    public Contact contact(@PathParam("id") String id) {
        return accounts.contact(id(id)).orElseThrow(() -> new TesseraException(PipelineErrors.CONTACT_NOT_FOUND,
                "No contact " + id));
    }

    @POST
    @Path("contacts")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SALES)
    public Response createContact(NewContact contact, @Context SecurityContext caller) {
        Contact created = accounts.createContact(contact, user(caller));
        return Response.created(URI.create("pipeline/contacts/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("contacts/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SALES)
    public Contact updateContact(@PathParam("id") String id, NewContact changes, @Context SecurityContext caller) {
        return accounts.updateContact(id(id), changes, user(caller));
    }

    // ---------------------------------------------------------------- leads

    @GET
    @Path("leads")
    @RolesAllowed({Roles.SALES, Roles.VIEWER})
    public Page<Lead> leads(@QueryParam("status") String status, @QueryParam("limit") String limit,
                            @QueryParam("cursor") String cursor) {
        int size = Page.limit(limit, 50);
        return Page.of(leads.leads(status == null ? null : parse(LeadStatus.class, "status", status),
                Page.longKey(cursor, 0), size + 1), size, Lead::id);
    }

    @GET
    @Path("leads/{id}")
    @RolesAllowed({Roles.SALES, Roles.VIEWER})
    public Lead lead(@PathParam("id") String id) {
        return leads.lead(id(id)).orElseThrow(() -> new TesseraException(PipelineErrors.LEAD_NOT_FOUND,
                "No lead " + id));
    }

    /** Marketing's view of the lead, copied from its events: qualified or not, points, campaign source. */
    @GET
    @Path("leads/{id}/marketing")
    @RolesAllowed({Roles.SALES, Roles.VIEWER})
    public LeadMarketing leadMarketing(@PathParam("id") String id) {
        long lead = lead(id).id();
        return leads.marketing(lead).orElse(new LeadMarketing(lead, false, null, null, null, null));
    }

    /** 201 with the lead, or 409 {@code pipeline.duplicate-lead} with the candidates; {@code ?force=true} keeps both. */
    @POST
    @Path("leads")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SALES)
    public Response createLead(NewLead lead, @QueryParam("force") String force, @Context SecurityContext caller) {
        Lead created = leads.createLead(lead, flag("force", force), user(caller));
        return Response.created(URI.create("pipeline/leads/" + created.id())).entity(created).build();
    }

    @POST
    @Path("leads/matches")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.SALES, Roles.VIEWER})
    public List<DuplicateCandidate> matches(NewLead lead) {
        return leads.matches(lead);
    }

    @POST
    @Path("leads/import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed(Roles.SALES)
    public LeadsImported importLeads(String csv, @Context SecurityContext caller) {
        return new LeadsImported(leads.importLeads(LeadsCsv.parse(csv), n -> { }, user(caller)));
    }

    @GET
    @Path("leads/duplicates")
    @RolesAllowed({Roles.SALES, Roles.VIEWER})
    public List<DuplicatePair> duplicates() {
        return leads.duplicates();
    }

    @POST
    @Path("leads/{id}/merge")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SALES)
    public Lead merge(@PathParam("id") String id, Merge merge, @Context SecurityContext caller) {
        if (merge == null || merge.duplicate() == null) {
            throw new ValidationException(PipelineErrors.INVALID, "Name the lead to merge into lead " + id,
                    List.of(new FieldError("duplicate", "is required")));
        }
        return leads.merge(id(id), merge.duplicate(), user(caller));
    }

    /** The body is optional: without it, a new account from the lead's company and a deal closing in 90 days. */
    @POST
    @Path("leads/{id}/qualify")
    @RolesAllowed(Roles.SALES)
    public Response qualify(@PathParam("id") String id, Qualification qualification, @Context SecurityContext caller) {
        Qualified qualified = leads.qualify(id(id), qualification, user(caller));
        return Response.created(URI.create("pipeline/opportunities/" + qualified.opportunity().id()))
                .entity(qualified).build();
    }

    @POST
    @Path("leads/{id}/disqualify")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SALES)
    public Lead disqualify(@PathParam("id") String id, Reason reason, @Context SecurityContext caller) {
        return leads.disqualify(id(id), reason == null ? null : reason.reason(), user(caller));
    }

    // ---------------------------------------------------------------- opportunities

    @GET
    @Path("stages")
    @RolesAllowed({Roles.SALES, Roles.VIEWER})
    public List<Stage> stages() {
        return deals.stages();
    }

    @GET
    @Path("opportunities")
    @RolesAllowed({Roles.SALES, Roles.VIEWER})
    public Page<Opportunity> opportunities(@QueryParam("status") String status, @QueryParam("accountId") String account,
                                           @QueryParam("owner") String owner, @QueryParam("limit") String limit,
                                           @QueryParam("cursor") String cursor) {
        int size = Page.limit(limit, 50);
        return Page.of(deals.opportunities(status == null ? null : parse(OpportunityStatus.class, "status", status),
                account == null ? null : id(account), owner, Page.longKey(cursor, 0), size + 1), size,
                Opportunity::id);
    }

    @GET
    @Path("opportunities/stuck")
    @RolesAllowed({Roles.SALES, Roles.VIEWER})
    public List<Opportunity> stuck() {
        return deals.stuck(null);
    }

    @GET
    @Path("opportunities/{id}")
    @RolesAllowed({Roles.SALES, Roles.VIEWER})
    public Opportunity opportunity(@PathParam("id") String id) {
        return deals.opportunity(id(id)).orElseThrow(() -> new TesseraException(PipelineErrors.OPPORTUNITY_NOT_FOUND,
                "No opportunity " + id));
    }

    @POST
    @Path("opportunities")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SALES)
    public Response createOpportunity(NewOpportunity opportunity, @Context SecurityContext caller) {
        Opportunity created = deals.createOpportunity(opportunity, user(caller));
        return Response.created(URI.create("pipeline/opportunities/" + created.id())).entity(created).build();
    }

    @POST
    @Path("opportunities/{id}/stage")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SALES)
    public Opportunity stage(@PathParam("id") String id, StageMove move, @Context SecurityContext caller) {
        if (move == null || move.stage() == null) {
            throw new ValidationException(PipelineErrors.INVALID, "Name the stage to move the deal to",
                    List.of(new FieldError("stage", "is required")));
        }
        return deals.moveStage(id(id), move.stage(), user(caller));
    }

    @POST
    @Path("opportunities/{id}/won")
    @RolesAllowed(Roles.SALES)
    public Opportunity won(@PathParam("id") String id, Reason reason, @Context SecurityContext caller) {
        return deals.win(id(id), reason == null ? null : reason.reason(), user(caller));
    }

    @POST
    @Path("opportunities/{id}/lost")
    @RolesAllowed(Roles.SALES)
    public Opportunity lost(@PathParam("id") String id, Reason reason, @Context SecurityContext caller) {
        return deals.lose(id(id), reason == null ? null : reason.reason(), user(caller));
    }

    @GET
    @Path("opportunities/{id}/history")
    @RolesAllowed({Roles.SALES, Roles.VIEWER})
    public List<StageChange> history(@PathParam("id") String id) {
        return deals.stageHistory(id(id));
    }

    @GET
    @Path("opportunities/{id}/quotes")
    @RolesAllowed({Roles.SALES, Roles.VIEWER})
    public List<Quote> quotes(@PathParam("id") String id) {
        return quotes.quotes(id(id));
    }

    @POST
    @Path("opportunities/{id}/quotes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SALES)
    public Response createQuote(@PathParam("id") String id, NewQuote quote, @Context SecurityContext caller) {
        Quote created = quotes.createQuote(id(id), quote, user(caller));
        return Response.created(URI.create("pipeline/quotes/" + created.id())).entity(created).build();
    }

    @POST
    @Path("opportunities/{id}/quotes/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SALES)
    public Quote previewQuote(@PathParam("id") String id, NewQuote quote) {
        return quotes.preview(id(id), quote);
    }

    // ---------------------------------------------------------------- quotes

    @GET
    @Path("quotes/{id}")
    @RolesAllowed({Roles.SALES, Roles.VIEWER})
    public Quote quote(@PathParam("id") String id) {
        return quotes.quote(id(id)).orElseThrow(() -> new TesseraException(PipelineErrors.QUOTE_NOT_FOUND,
                "No quote " + id));
    }

    @POST
    @Path("quotes/{id}/accept")
    @RolesAllowed(Roles.SALES)
    public Quote accept(@PathParam("id") String id, @Context SecurityContext caller) {
        return quotes.accept(id(id), null, user(caller));
    }

    @POST
    @Path("quotes/{id}/reject")
    @RolesAllowed(Roles.SALES)
    public Quote reject(@PathParam("id") String id, Reason reason, @Context SecurityContext caller) {
        return quotes.reject(id(id), reason == null ? null : reason.reason(), user(caller));
    }

    // ---------------------------------------------------------------- activities and forecast

    @GET
    @Path("activities")
    @RolesAllowed({Roles.SALES, Roles.VIEWER})
    public Page<Activity> activities(@QueryParam("accountId") String account, @QueryParam("leadId") String lead,
                                     @QueryParam("opportunityId") String opportunity, @QueryParam("owner") String owner,
                                     @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        int size = Page.limit(limit, 50);
        return Page.of(deals.activities(account == null ? null : id(account), lead == null ? null : id(lead),
                opportunity == null ? null : id(opportunity), owner, Page.longKey(cursor, 0), size + 1), size,
                Activity::id);
    }

    @GET
    @Path("activities/overdue")
    @RolesAllowed({Roles.SALES, Roles.VIEWER})
    public List<Activity> overdue(@QueryParam("owner") String owner) {
        return deals.overdue(owner, null);
    }

    @POST
    @Path("activities")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.SALES)
    public Response logActivity(NewActivity activity, @Context SecurityContext caller) {
        Activity created = deals.logActivity(activity, user(caller));
        return Response.created(URI.create("pipeline/activities/" + created.id())).entity(created).build();
    }

    @POST
    @Path("activities/{id}/complete")
    @RolesAllowed(Roles.SALES)
    public Activity complete(@PathParam("id") String id, @Context SecurityContext caller) {
        return deals.completeTask(id(id), user(caller));
    }

    /** {@code from} and {@code to} as YYYY-MM (or dates); the next twelve months from this one by default. */
    @GET
    @Path("forecast")
    @RolesAllowed({Roles.SALES, Roles.VIEWER})
    public Forecast forecast(@QueryParam("from") String from, @QueryParam("to") String to) {
        return deals.forecast(month("from", from, false), month("to", to, true));
    }

    // ---------------------------------------------------------------- plumbing

    private static String user(SecurityContext caller) {
        return RestParams.user(caller);
    }

    private static long id(String id) {
        return RestParams.id(id, PipelineErrors.INVALID);
    }

    private static boolean flag(String name, String value) {
        return Boolean.TRUE.equals(RestParams.bool(name, value, PipelineErrors.INVALID));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name, String value) {
        return RestParams.enumValue(type, name, value, PipelineErrors.INVALID);
    }

    private static LocalDate month(String name, String value, boolean end) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.trim().length() == 7) {
                YearMonth month = YearMonth.parse(value.trim());
                return end ? month.atEndOfMonth() : month.atDay(1);
            }
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new ValidationException(PipelineErrors.INVALID, "'" + name + "' is not a month",
                    List.of(new FieldError(name, "must be a month as YYYY-MM, not '" + value + "'")));
        }
    }
}
