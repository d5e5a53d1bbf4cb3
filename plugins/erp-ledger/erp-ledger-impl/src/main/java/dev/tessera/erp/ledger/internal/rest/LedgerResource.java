package dev.tessera.erp.ledger.internal.rest;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import javax.annotation.security.RolesAllowed;
import javax.validation.constraints.NotNull;
import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
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

import dev.tessera.erp.ledger.api.Account;
import dev.tessera.erp.ledger.api.AccountLedger;
import dev.tessera.erp.ledger.api.BalanceSheet;
import dev.tessera.erp.ledger.api.ChainVerification;
import dev.tessera.erp.ledger.api.ExchangeRate;
import dev.tessera.erp.ledger.api.FiscalPeriod;
import dev.tessera.erp.ledger.api.JournalEntry;
import dev.tessera.erp.ledger.api.LedgerErrors;
import dev.tessera.erp.ledger.api.LedgerException;
import dev.tessera.erp.ledger.api.LedgerService;
import dev.tessera.erp.ledger.api.NewAccount;
import dev.tessera.erp.ledger.api.PostingRequest;
import dev.tessera.erp.ledger.api.ProfitAndLoss;
import dev.tessera.erp.ledger.api.TaxCalculation;
import dev.tessera.erp.ledger.api.TaxCode;
import dev.tessera.erp.ledger.api.TaxService;
import dev.tessera.erp.ledger.api.TaxableLine;
import dev.tessera.erp.ledger.api.TrialBalance;
import dev.tessera.erp.ledger.internal.AccountsCsv;
import dev.tessera.platform.api.FieldError;
import dev.tessera.platform.api.Page;
import dev.tessera.platform.api.RestApi;
import dev.tessera.platform.api.Roles;
import dev.tessera.platform.api.ValidationException;

/**
 * {@code /api/v1/ledger}: the chart, journal entries (post, read, reverse; never change or delete), periods, rates,
 * reports and the chain check. {@code finance} writes; {@code viewer} and {@code finance} read.
 */
@Component(service = LedgerResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("ledger")
@Produces(MediaType.APPLICATION_JSON)
public final class LedgerResource {
    /** The body of a reversal: an optional date (the original's when left out) and a reason. */
    public record ReversalRequest(LocalDate date, String reason) {
    }

    /** The body of a rate: its currency, first day and value in base currency per unit. */
    public record RateRequest(String currency, LocalDate date, BigDecimal rate) {
    }

    /** The body of a tax calculation: the document's currency (base when left out) and its lines. */
    public record TaxRequest(String currency, List<TaxableLine> lines) {
    }

    private final LedgerService ledger;
    private final TaxService tax;

    @Activate
    public LedgerResource(@Reference LedgerService ledger, @Reference TaxService tax) {
        this.ledger = ledger;
        this.tax = tax;
    }

    @POST
    @Path("accounts/import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed(Roles.FINANCE)
    public java.util.Map<String, Object> importAccounts(String csv, @Context SecurityContext caller) {
        List<NewAccount> accounts = AccountsCsv.parse(csv);
        return java.util.Map.of("imported", ledger.importAccounts(accounts, n -> { }, user(caller)));
    }

    @POST
    @Path("fiscal-years/{year}/close")
    @RolesAllowed(Roles.FINANCE)
    public Response closeYear(@PathParam("year") String year, @Context SecurityContext caller) {
        return ledger.closeYear(number("year", year), user(caller))
                .map(entry -> Response.ok(entry).build()).orElse(Response.noContent().build());
    }

    @GET
    @Path("tax-codes")
    @RolesAllowed({Roles.FINANCE, Roles.VIEWER})
    public List<TaxCode> taxCodes() {
        return tax.taxCodes();
    }

    @POST
    @Path("tax-codes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FINANCE)
    public Response createTaxCode(TaxCode code, @Context SecurityContext caller) {
        TaxCode created = tax.createTaxCode(code, user(caller));
        return Response.created(URI.create("ledger/tax-codes/" + created.code())).entity(created).build();
    }

    @POST
    @Path("tax-calculations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.FINANCE, Roles.VIEWER, Roles.SALES})
    public TaxCalculation calculate(TaxRequest request) {
        return tax.calculate(request == null ? null : request.currency(), request == null ? null : request.lines());
    }

    @GET
    @Path("accounts")
    @RolesAllowed({Roles.FINANCE, Roles.VIEWER})
    public List<Account> accounts() {
        return ledger.accounts();
    }

    @GET
    @Path("accounts/{code}")
    @RolesAllowed({Roles.FINANCE, Roles.VIEWER})
    public Account account(@PathParam("code") String code) {
        return ledger.account(code).orElseThrow(() -> new LedgerException(LedgerErrors.ACCOUNT_NOT_FOUND,
                "No account " + code + "; GET /api/v1/ledger/accounts lists them"));
    }

    @POST
    @Path("accounts")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FINANCE)
    public Response createAccount(NewAccount account, @Context SecurityContext caller) {
        Account created = ledger.createAccount(account, user(caller));
        return Response.created(URI.create("ledger/accounts/" + created.code())).entity(created).build();
    }

    @POST
    @Path("accounts/{code}/deactivate")
    @RolesAllowed(Roles.FINANCE)
    public Account deactivate(@PathParam("code") String code, @Context SecurityContext caller) {
        return ledger.setActive(code, false, user(caller));
    }

    @POST
    @Path("accounts/{code}/activate")
    @RolesAllowed(Roles.FINANCE)
    public Account activate(@PathParam("code") String code, @Context SecurityContext caller) {
        return ledger.setActive(code, true, user(caller));
    }

    @GET
    @Path("accounts/{code}/ledger")
    @RolesAllowed({Roles.FINANCE, Roles.VIEWER})
    public AccountLedger accountLedger(@PathParam("code") String code, @QueryParam("from") @NotNull String from,
                                       @QueryParam("to") @NotNull String to) {
        return ledger.accountLedger(code, date("from", from), date("to", to));
    }

    @GET
    @Path("journal-entries")
    @RolesAllowed({Roles.FINANCE, Roles.VIEWER})
    public Page<JournalEntry> entries(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        int size = Page.limit(limit, 50);
        return Page.of(ledger.entries(Page.longKey(cursor, 0), size + 1), size, JournalEntry::id);
    }

    @GET
    @Path("journal-entries/{id}")
    @RolesAllowed({Roles.FINANCE, Roles.VIEWER})
    public JournalEntry entry(@PathParam("id") String id) {
        return (id.startsWith("JE-") ? ledger.entryByNumber(id) : ledger.entry(id(id)))
                .orElseThrow(() -> new LedgerException(LedgerErrors.ENTRY_NOT_FOUND, "No journal entry " + id));
    }

    @POST
    @Path("journal-entries")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FINANCE)
    public Response post(PostingRequest request, @Context SecurityContext caller) {
        JournalEntry entry = ledger.postManual(request, user(caller));
        return Response.created(URI.create("ledger/journal-entries/" + entry.id())).entity(entry).build();
    }

    @POST
    @Path("journal-entries/{id}/reversal")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FINANCE)
    public Response reverse(@PathParam("id") String id, ReversalRequest request, @Context SecurityContext caller) {
        JournalEntry reversal = ledger.reverse(id(id), request == null ? null : request.date(),
                request == null ? null : request.reason(), user(caller));
        return Response.created(URI.create("ledger/journal-entries/" + reversal.id())).entity(reversal).build();
    }

    @GET
    @Path("periods")
    @RolesAllowed({Roles.FINANCE, Roles.VIEWER})
    public List<FiscalPeriod> periods(@QueryParam("year") String year) {
        return ledger.periods(year == null ? LocalDate.now().getYear() : number("year", year));
    }

    @POST
    @Path("periods/{period}/close")
    @RolesAllowed(Roles.FINANCE)
    public FiscalPeriod close(@PathParam("period") String period, @Context SecurityContext caller) {
        return ledger.closePeriod(period, user(caller));
    }

    @POST
    @Path("periods/{period}/reopen")
    @RolesAllowed(Roles.FINANCE)
    public FiscalPeriod reopen(@PathParam("period") String period, @Context SecurityContext caller) {
        return ledger.reopenPeriod(period, user(caller));
    }

    @POST
    @Path("periods/{period}/lock")
    @RolesAllowed(Roles.FINANCE)
    public FiscalPeriod lock(@PathParam("period") String period, @Context SecurityContext caller) {
        return ledger.lockPeriod(period, user(caller));
    }

    @GET
    @Path("rates/{currency}")
    @RolesAllowed({Roles.FINANCE, Roles.VIEWER})
    public List<ExchangeRate> rates(@PathParam("currency") String currency) {
        return ledger.rates(currency);
    }

    @POST
    @Path("rates")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.FINANCE)
    public ExchangeRate setRate(RateRequest request, @Context SecurityContext caller) {
        if (request == null) {
            throw new ValidationException(LedgerErrors.INVALID_ENTRY, "The rate is required",
                    List.of(new FieldError("(body)", "is required: currency, date and rate")));
        }
        return ledger.setRate(request.currency(), request.date(), request.rate(), user(caller));
    }

    @GET
    @Path("trial-balance")
    @RolesAllowed({Roles.FINANCE, Roles.VIEWER})
    public TrialBalance trialBalance(@QueryParam("asOf") String asOf, @QueryParam("from") String from,
                                     @QueryParam("to") String to) {
        if (from != null || to != null) {
            return ledger.trialBalance(date("from", from), date("to", to));
        }
        return ledger.trialBalance(asOf == null ? LocalDate.now() : date("asOf", asOf));
    }

    @GET
    @Path("profit-and-loss")
    @RolesAllowed({Roles.FINANCE, Roles.VIEWER})
    public ProfitAndLoss profitAndLoss(@QueryParam("from") @NotNull String from, @QueryParam("to") @NotNull String to) {
        return ledger.profitAndLoss(date("from", from), date("to", to));
    }

    @GET
    @Path("balance-sheet")
    @RolesAllowed({Roles.FINANCE, Roles.VIEWER})
    public BalanceSheet balanceSheet(@QueryParam("asOf") String asOf) {
        return ledger.balanceSheet(asOf == null ? LocalDate.now() : date("asOf", asOf));
    }

    @GET
    @Path("verification")
    @RolesAllowed({Roles.FINANCE, Roles.VIEWER})
    public ChainVerification verify() {
        return ledger.verify();
    }

    private static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(LedgerErrors.INVALID_ENTRY, "'" + name + "' is required",
                    List.of(new FieldError(name, "is required (YYYY-MM-DD)")));
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new ValidationException(LedgerErrors.INVALID_ENTRY, "'" + name + "' is not a date",
                    List.of(new FieldError(name, "must be a date as YYYY-MM-DD, not '" + value + "'")));
        }
    }

    private static long id(String id) {
        try {
            long n = Long.parseLong(id.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new ValidationException(LedgerErrors.INVALID_ENTRY, "'" + id + "' is not a journal entry id",
                List.of(new FieldError("id", "must be an entry id (a positive whole number) or number (JE-2026-000001)")));
    }

    private static int number(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new ValidationException(LedgerErrors.INVALID_ENTRY, "'" + name + "' is not a number",
                    List.of(new FieldError(name, "must be a whole number, not '" + value + "'")));
        }
    }

    private static String user(SecurityContext caller) {
        return caller.getUserPrincipal().getName();
    }
}
