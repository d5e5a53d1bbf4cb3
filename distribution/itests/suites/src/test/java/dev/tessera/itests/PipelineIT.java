package dev.tessera.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFileExtend;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.ops4j.pax.exam.util.Filter;

import dev.tessera.crm.pipeline.api.Account;
import dev.tessera.crm.pipeline.api.Accounts;
import dev.tessera.crm.pipeline.api.Activity;
import dev.tessera.crm.pipeline.api.ActivityType;
import dev.tessera.crm.pipeline.api.Deals;
import dev.tessera.crm.pipeline.api.DuplicatePair;
import dev.tessera.crm.pipeline.api.Forecast;
import dev.tessera.crm.pipeline.api.Lead;
import dev.tessera.crm.pipeline.api.LeadStatus;
import dev.tessera.crm.pipeline.api.Leads;
import dev.tessera.crm.pipeline.api.NewAccount;
import dev.tessera.crm.pipeline.api.NewActivity;
import dev.tessera.crm.pipeline.api.NewLead;
import dev.tessera.crm.pipeline.api.NewOpportunity;
import dev.tessera.crm.pipeline.api.NewQuote;
import dev.tessera.crm.pipeline.api.NewQuoteLine;
import dev.tessera.crm.pipeline.api.Opportunity;
import dev.tessera.crm.pipeline.api.OpportunityStatus;
import dev.tessera.crm.pipeline.api.PriceSource;
import dev.tessera.crm.pipeline.api.Qualified;
import dev.tessera.crm.pipeline.api.Quote;
import dev.tessera.crm.pipeline.api.QuoteStatus;
import dev.tessera.crm.pipeline.api.Quotes;
import dev.tessera.erp.inventory.api.Catalog;
import dev.tessera.erp.inventory.api.NewItem;
import dev.tessera.erp.inventory.api.PriceList;
import dev.tessera.erp.inventory.api.Receipt;
import dev.tessera.erp.inventory.api.StockService;
import dev.tessera.erp.inventory.api.ValuationMethod;
import dev.tessera.erp.ledger.api.TaxCalculation;
import dev.tessera.erp.ledger.api.TaxService;
import dev.tessera.erp.ledger.api.TaxableLine;
import dev.tessera.platform.api.ModuleManager;
import dev.tessera.platform.api.TesseraException;
import dev.tessera.platform.api.event.EventPublisher;

/**
 * The sales pipeline in the running distribution, with the inventory and the ledger enabled: duplicate leads caught
 * three ways, forced and merged; qualification in one step; quotes priced by the catalog and taxed by the ledger's
 * engine, still working (marked) with the inventory disabled and never restarted; the forecast against a hand
 * computation; stuck deals and overdue tasks; copies written back from sales events; refusals that write nothing.
 * Each test works on records of its own (unique names, owners and sources).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PipelineIT extends RestTestSupport {
    /** The pipeline's own events: the ledger books others asynchronously, so only these show what a refusal wrote. */
    private static final String PIPELINE_EVENTS = "SELECT COUNT(*) FROM TSR_EVENT WHERE TYPE LIKE 'pipeline.%'";

    @Inject
    private Accounts accounts;

    @Inject
    private Leads leads;

    @Inject
    private Deals deals;

    @Inject
    private Quotes quotes;

    @Inject
    private Catalog catalog;

    @Inject
    private StockService stock;

    @Inject
    private TaxService taxes;

    @Inject
    private ModuleManager modules;

    @Inject
    private EventPublisher events;

    @Inject
    private dev.tessera.platform.api.event.EventLog eventLog;

    @Inject
    @Filter("(osgi.jndi.service.name=tessera)")
    private DataSource dataSource;

    @Override
    @Configuration
    public Option[] config() throws IOException {
        List<Option> options = withUsers(super.config());
        options.add(editConfigurationFileExtend("etc/org.apache.karaf.features.cfg", "featuresBoot",
                "tessera-erp-ledger,tessera-erp-inventory,tessera-crm-pipeline"));
        return options.toArray(new Option[0]);
    }

    @Test
    public void aLeadMatchingByEmailOrByNameAtItsCompanyIsRefusedUnlessForcedAColleagueIsNotAndMergesKeepHistory()
            throws Exception {
        String tag = tag();
        HttpResponse<String> first = send(postJson("/pipeline/leads", SALES, "{\"name\":\"Anna Berg\",\"email\":\"anna@"
                + tag + ".example\",\"company\":\"Acme " + tag + "\",\"source\":\"web\"}"));
        assertEquals(first.body(), 201, first.statusCode());
        long anna = number(first.body(), "id");

        HttpResponse<String> sameEmail = send(postJson("/pipeline/leads", SALES, "{\"name\":\"A. Berg-Holm\",\"email\":"
                + "\"ANNA@" + tag + ".example\"}"));
        assertProblem(sameEmail, "pipeline.duplicate-lead");
        assertEquals(409, sameEmail.statusCode());
        assertTrue(sameEmail.body(), sameEmail.body().contains("\"leadId\":" + anna) && sameEmail.body().contains("EMAIL"));

        // a colleague at the same company is another person: accepted, and told the account her company has
        Account acme = accounts.createAccount(new NewAccount("Acme " + tag, tag + ".example", null, null, null, null),
                "itest");
        HttpResponse<String> sameDomain = send(postJson("/pipeline/leads", SALES, "{\"name\":\"Carl Vogt\",\"email\":"
                + "\"carl@" + tag + ".example\"}"));
        assertEquals(sameDomain.body(), 201, sameDomain.statusCode());
        assertTrue(sameDomain.body(), sameDomain.body().contains("\"likelyAccountId\":" + acme.id()));
        Qualified carl = leads.qualify(number(sameDomain.body(), "id"), null, "itest");
        assertEquals("qualifying links the lead to its company's account", acme.id(), carl.account().id());

        // a near-identical name at the same company: "Anna Bergg" is one letter from "Anna Berg", "ACME ... GmbH" is
        // "Acme ..." (a free-mail address says nothing of the company)
        String nearName = "{\"name\":\"Anna Bergg " + tag + "\",\"email\":\"anna." + tag + "@gmail.com\",\"phone\":"
                + "\"+49 30 555\",\"company\":\"ACME " + tag + " GmbH\"}";
        assertEquals(201, send(postJson("/pipeline/leads", SALES, "{\"name\":\"Anna Berg " + tag + "\",\"email\":\"ab."
                + tag + "@outlook.com\",\"company\":\"Acme " + tag + "\"}")).statusCode());
        long beforeForce = leadCount();
        HttpResponse<String> similar = send(postJson("/pipeline/leads", SALES, nearName));
        assertEquals(similar.body(), 409, similar.statusCode());
        assertTrue(similar.body(), similar.body().contains("NAME") && !similar.body().contains("DOMAIN"));
        assertEquals("refusals write nothing", beforeForce, leadCount());
        HttpResponse<String> forced = send(postJson("/pipeline/leads?force=true", SALES, nearName));
        assertEquals(forced.body(), 201, forced.statusCode());
        long near = number(forced.body(), "id");
        assertEquals(beforeForce + 1, leadCount());

        long keep = leads.leads(LeadStatus.OPEN, 0, 100_000).stream()
                .filter(l -> l.name().equals("Anna Berg " + tag)).findFirst().orElseThrow().id();
        List<DuplicatePair> pairs = leads.duplicates();
        assertTrue(pairs.toString(), pairs.stream().anyMatch(p -> p.keep().id() == keep && p.duplicate().id() == near));
        assertTrue(tryCommand("pipeline:duplicates").output().contains("Anna Bergg " + tag));

        deals.logActivity(new NewActivity(ActivityType.CALL, "Called about the offer", null, null, null, near, null,
                null, null), "itest");
        String merged = tryCommand("pipeline:merge " + keep + " " + near).output();
        assertTrue(merged, merged.contains("merged into lead " + keep));
        Lead duplicate = leads.lead(near).orElseThrow();
        assertEquals(LeadStatus.MERGED, duplicate.status());
        assertEquals(Long.valueOf(keep), duplicate.mergedInto());
        Lead kept = leads.lead(keep).orElseThrow();
        assertEquals("the kept lead gains what it lacked", "+49 30 555", kept.phone());
        List<Activity> history = deals.activities(null, keep, null, null, 0, 100);
        assertTrue(history.toString(), history.stream().anyMatch(a -> a.subject().equals("Called about the offer")));
        assertTrue(history.toString(), history.stream().anyMatch(a -> a.type() == ActivityType.NOTE
                && a.subject().contains("Merged lead " + near)));
        assertFalse(leads.duplicates().stream().anyMatch(p -> p.duplicate().id() == near));
        assertProblem(send(postJson("/pipeline/leads/" + keep + "/merge", SALES, "{\"duplicate\":" + near + "}")),
                "pipeline.lead-closed");
    }

    @Test
    public void qualifyingALeadMakesAccountContactAndOpportunityInOneStepAndPublishesThem() throws Exception {
        String tag = tag();
        Lead lead = leads.createLead(new NewLead("Mia Keller", "mia@" + tag + ".example", "Northwind " + tag, null,
                null, "referral", "itest-owner", null), false, "itest");
        HttpResponse<String> qualified = send(postJson("/pipeline/leads/" + lead.id() + "/qualify", SALES,
                "{\"amount\":\"5000.00\",\"expectedClose\":\"" + LocalDate.now().plusDays(30) + "\"}"));
        assertEquals(qualified.body(), 201, qualified.statusCode());
        Lead after = leads.lead(lead.id()).orElseThrow();
        assertEquals(LeadStatus.QUALIFIED, after.status());
        Opportunity deal = deals.opportunity(after.opportunityId()).orElseThrow();
        assertEquals("qualified", deal.stage());
        assertEquals(10, deal.probability());
        assertEquals(new BigDecimal("5000.00"), deal.amount().amount());
        assertEquals("referral", deal.source());
        Account account = accounts.account(deal.accountId()).orElseThrow();
        assertEquals("Northwind " + tag, account.name());
        assertEquals(tag + ".example", account.domain());
        assertEquals("mia@" + tag + ".example", accounts.contacts(account.id()).get(0).email());
        assertProblem(send(post("/pipeline/leads/" + lead.id() + "/qualify", SALES)), "pipeline.lead-closed");

        awaitBody(get("/platform/events?type=pipeline.account.created&limit=1000", VIEWER),
                "\"name\":{\"oldValue\":null,\"newValue\":\"Northwind " + tag + "\"}");
        awaitBody(get("/platform/events?type=pipeline.lead.qualified&limit=1000", VIEWER),
                "\"opportunityId\":" + deal.id());
        HttpResponse<String> renamed = send(request("/pipeline/accounts/" + account.id(), SALES)
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"industry\":\"Retail\"}")).build());
        assertEquals(renamed.body(), 200, renamed.statusCode());
        awaitBody(get("/platform/events?type=pipeline.account.updated&limit=1000", VIEWER),
                "\"industry\":{\"oldValue\":null,\"newValue\":\"Retail\"}");
    }

    @Test
    public void quotesArePricedByTheCatalogAndTaxedByTheLedgerAndKeepWorkingWithoutTheInventory() throws Exception {
        String tag = tag();
        String sku = "Q-" + tag;
        catalog.createItem(new NewItem(sku, "Espresso machine", "pcs", "quotes", false, ValuationMethod.FIFO, null,
                null, null), "itest");
        catalog.createPriceList(new PriceList("L" + tag.substring(0, 8), "Quote list", "EUR", null, null, null), "itest");
        catalog.setPrice("L" + tag.substring(0, 8), sku, new BigDecimal("1299.00"), "itest");
        stock.createWarehouse("W" + tag.substring(0, 8), "Quote stock", "itest");
        stock.receive(new Receipt(sku, "W" + tag.substring(0, 8), null, null, new BigDecimal("7"), new BigDecimal("800"),
                "in"), "itest");
        Opportunity deal = deal(tag, "10000", LocalDate.now().plusDays(40), "itest-owner", "web");

        HttpResponse<String> created = send(postJson("/pipeline/opportunities/" + deal.id() + "/quotes", SALES,
                "{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":3,\"discountPercent\":\"10\"},"
                        + "{\"description\":\"Installation\",\"quantity\":1,\"unitPrice\":\"249.99\",\"taxCode\":\"VAT7\"}]}"));
        assertEquals(created.body(), 201, created.statusCode());
        Quote quote = quotes.quote(number(created.body(), "id")).orElseThrow();
        assertEquals(PriceSource.CATALOG, quote.lines().get(0).priceSource());
        assertEquals(new BigDecimal("1299"), quote.lines().get(0).unitPrice());
        assertEquals("3 x 1299 less 10 %", new BigDecimal("3507.30"), quote.lines().get(0).net());
        assertEquals(0, new BigDecimal("7").compareTo(quote.lines().get(0).available()));
        assertEquals(PriceSource.MANUAL, quote.lines().get(1).priceSource());
        assertTrue(quote.unverifiedPrices());
        assertTrue(quote.taxCalculated());
        TaxCalculation expected = taxes.calculate("EUR", List.of(new TaxableLine(new BigDecimal("3507.30"), "VAT19"),
                new TaxableLine(new BigDecimal("249.99"), "VAT7")));
        assertEquals("the same engine taxes quote and invoice", expected.tax(), quote.tax());
        assertEquals(expected.net(), quote.net());
        assertEquals(expected.gross(), quote.gross());
        assertEquals(expected.lines().get(0).tax(), quote.lines().get(0).tax());
        assertEquals(new BigDecimal("666.39"), quote.lines().get(0).tax()); // 19 % of 3507.30
        assertEquals(new BigDecimal("17.50"), quote.lines().get(1).tax());  // 7 % of 249.99

        // a catalog price change makes the open quote stale, from the inventory's event
        catalog.setPrice("L" + tag.substring(0, 8), sku, new BigDecimal("1349.00"), "itest");
        await("the quote is flagged stale", Duration.ofSeconds(30), () -> quotes.quote(quote.id()).orElseThrow().stale());
        assertTrue(quotes.quote(quote.id()).orElseThrow().lines().get(0).stale());
        assertFalse(quotes.quote(quote.id()).orElseThrow().lines().get(1).stale());
        awaitBody(get("/pipeline/quotes/" + quote.id(), VIEWER), "\"stale\":true");

        // the inventory goes away: only its own bundles stop, the pipeline keeps quoting with typed prices
        // (manufacturing, enabled when the demo of every module ran before, requires it: it goes first)
        boolean manufacturing = modules.module("erp-manufacturing").map(m -> m.enabled()).orElse(false);
        if (manufacturing) {
            modules.disable(List.of("erp-manufacturing"));
        }
        List<String> outside = recordBundleEventsOutside("dev.tessera.erp.inventory.impl",
                () -> modules.disable(List.of("erp-inventory")));
        assertEquals("bundle events outside the inventory", List.of(), outside);
        try {
            HttpResponse<String> unpriced = send(postJson("/pipeline/opportunities/" + deal.id() + "/quotes", SALES,
                    "{\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":3}]}"));
            assertProblem(unpriced, "pipeline.invalid");
            assertTrue(unpriced.body(), unpriced.body().contains("the inventory is not enabled"));
            Quote manual = quotes.createQuote(deal.id(), new NewQuote(null, null, null, List.of(new NewQuoteLine(sku,
                    "Espresso machine", new BigDecimal("3"), new BigDecimal("1299"), null, null))), "itest");
            assertEquals(2, manual.revision());
            assertEquals(PriceSource.MANUAL, manual.lines().get(0).priceSource());
            assertNull("no availability without the inventory", manual.lines().get(0).available());
            assertTrue(manual.unverifiedPrices());
            assertTrue("the ledger still taxes it", manual.taxCalculated());
            assertEquals(QuoteStatus.SUPERSEDED, quotes.quote(quote.id()).orElseThrow().status());
        } finally {
            List<String> back = recordBundleEventsOutside("dev.tessera.erp.inventory.impl",
                    () -> modules.enable(List.of("erp-inventory")));
            assertEquals("bundle events outside the inventory", List.of(), back);
            if (manufacturing) {
                modules.enable(List.of("erp-manufacturing"));
            }
        }
        Catalog returned = awaitService(Catalog.class);
        assertNotNull(returned);
        NewQuote oneMachine = new NewQuote(null, null, null, List.of(new NewQuoteLine(sku, null, BigDecimal.ONE, null,
                null, null)));
        // the pipeline's optional reference rebinds as the catalog service registers; give it a moment
        await("the pipeline prices from the catalog again", Duration.ofSeconds(10), () -> {
            try {
                return quotes.preview(deal.id(), oneMachine).lines().get(0).priceSource() == PriceSource.CATALOG;
            } catch (TesseraException stillAway) {
                return false;
            }
        });
        Quote again = quotes.createQuote(deal.id(), new NewQuote(null, null, null, List.of(new NewQuoteLine(sku, null,
                BigDecimal.ONE, null, null, null))), "itest");
        assertEquals("catalog pricing is back", PriceSource.CATALOG, again.lines().get(0).priceSource());
        assertEquals(new BigDecimal("1349"), again.lines().get(0).unitPrice());
        assertFalse(again.unverifiedPrices());

        Quote accepted = quotes.accept(again.id(), null, "itest");
        assertEquals(QuoteStatus.ACCEPTED, accepted.status());
        Opportunity won = deals.opportunity(deal.id()).orElseThrow();
        assertEquals("an accepted quote wins the deal", OpportunityStatus.WON, won.status());
        assertEquals(again.net(), won.amount().amount());
        awaitBody(get("/platform/events?type=pipeline.quote.accepted&limit=1000", VIEWER),
                "\"number\":\"" + again.number() + "\"");
    }

    @Test
    public void withoutTheLedgerAQuoteCarriesNoTaxAndSaysSoUntilTheLedgerReturns() throws Exception {
        String tag = tag();
        Opportunity deal = deal(tag, "500", LocalDate.now().plusDays(20), "itest-owner", "web");
        NewQuote consulting = new NewQuote(null, null, null, List.of(new NewQuoteLine(null, "Consulting day",
                BigDecimal.ONE, new BigDecimal("1000"), null, null)));
        List<String> outside = recordBundleEventsOutside("dev.tessera.erp.ledger.impl",
                () -> modules.disable(List.of("erp-ledger")));
        try {
            assertEquals("bundle events outside the ledger", List.of(), outside);
            Quote untaxed = quotes.preview(deal.id(), consulting);
            assertFalse(untaxed.taxCalculated());
            assertEquals(new BigDecimal("0.00"), untaxed.tax());
            assertEquals(new BigDecimal("1000.00"), untaxed.gross());
            String console = tryCommand("pipeline:quote --preview " + deal.id() + " '1 Consulting day @ 1000'").output();
            assertTrue(console, console.contains("no tax: the ledger is not enabled"));
        } finally {
            modules.enable(List.of("erp-ledger"));
        }
        awaitService(TaxService.class);
        // until the ledger is active again a quote is refused (503 platform.module-unavailable), never priced untaxed
        await("the pipeline taxes again", Duration.ofSeconds(10), () -> {
            try {
                return quotes.preview(deal.id(), consulting).taxCalculated();
            } catch (TesseraException e) {
                assertEquals(e.getMessage(), "platform.module-unavailable", e.code());
                return false;
            }
        });
        Quote taxed = quotes.preview(deal.id(), consulting);
        assertEquals(new BigDecimal("190.00"), taxed.tax());
    }

    @Test
    public void theForecastMatchesTheHandComputation() throws Exception {
        String tag = tag();
        String owner = "fc-" + tag;
        String source = "src-" + tag;
        LocalDate feb = LocalDate.now().plusYears(2).withMonth(2).withDayOfMonth(10);
        Opportunity proposal = deal(tag + "-1", "10000", feb, owner, source);
        deals.moveStage(proposal.id(), "proposal", "itest");                               // 50 %
        Opportunity negotiation = deal(tag + "-2", "4000", feb.plusDays(10), owner, source);
        deals.moveStage(negotiation.id(), "negotiation", "itest");                         // 75 %: commit
        deal(tag + "-3", "2500.50", feb.plusMonths(1), owner, source);                    // qualified, 10 %
        Opportunity won = deal(tag + "-4", "3000", feb, owner, source);
        deals.win(won.id(), "best offer", "itest");
        Opportunity lost = deal(tag + "-5", "1000", feb, owner, source);
        deals.lose(lost.id(), "price", "itest");

        YearMonth thisMonth = YearMonth.now(ZoneOffset.UTC);
        Forecast forecast = deals.forecast(thisMonth.atDay(1), YearMonth.from(feb).plusMonths(1).atEndOfMonth());
        Map<String, Forecast.Row> mine = new java.util.HashMap<>();
        forecast.rows().stream().filter(r -> owner.equals(r.owner())).forEach(r -> mine.put(r.month(), r));
        assertEquals(new Forecast.Row(YearMonth.from(feb).toString(), owner, 2, new BigDecimal("14000.00"),
                new BigDecimal("8000.00"), new BigDecimal("4000.00"), new BigDecimal("0.00")),
                mine.get(YearMonth.from(feb).toString()));
        assertEquals(new Forecast.Row(YearMonth.from(feb).plusMonths(1).toString(), owner, 1, new BigDecimal("2500.50"),
                new BigDecimal("250.05"), new BigDecimal("0.00"), new BigDecimal("0.00")),
                mine.get(YearMonth.from(feb).plusMonths(1).toString()));
        assertEquals("won this month", new BigDecimal("3000.00"), mine.get(thisMonth.toString()).closed());
        assertEquals(3, mine.size());
        assertEquals(new Forecast.SourceRow(source, 1, 1, new BigDecimal("3000.00")), forecast.bySource().stream()
                .filter(s -> s.source().equals(source)).findFirst().orElseThrow());

        HttpResponse<String> rest = send(get("/pipeline/forecast?from=" + thisMonth + "&to="
                + YearMonth.from(feb).plusMonths(1), VIEWER));
        assertEquals(rest.body(), 200, rest.statusCode());
        assertTrue(rest.body(), rest.body().contains("\"owner\":\"" + owner + "\"") && rest.body().contains("8000.00"));
        String console = tryCommand("pipeline:forecast " + thisMonth + " " + YearMonth.from(feb).plusMonths(1)).output();
        assertTrue(console, console.contains(owner) && console.contains("14000.00") && console.contains(source));
    }

    @Test
    public void stuckDealsOverdueTasksAndTheStageHistoryFollowTheWork() throws Exception {
        String tag = tag();
        String owner = "st-" + tag;
        Opportunity deal = deal(tag, "1200", LocalDate.now().plusDays(20), owner, "web");
        assertFalse(deals.stuck(LocalDate.now()).stream().anyMatch(o -> o.id() == deal.id()));
        assertTrue("untouched for 31 days", deals.stuck(LocalDate.now().plusDays(31)).stream()
                .anyMatch(o -> o.id() == deal.id()));

        Activity task = deals.logActivity(new NewActivity(ActivityType.TASK, "Call back", null, null, null, null,
                deal.id(), owner, LocalDate.now().minusDays(1)), "itest");
        assertEquals(deal.accountId(), task.accountId().longValue());
        assertEquals(List.of(task.id()), deals.overdue(owner, null).stream().map(Activity::id).toList());
        assertTrue(tryCommand("pipeline:overdue --owner " + owner).output().contains("Call back"));
        assertEquals(200, send(post("/pipeline/activities/" + task.id() + "/complete", SALES)).statusCode());
        assertEquals(List.of(), deals.overdue(owner, null));

        String moved = tryCommand("pipeline:stage " + deal.id() + " demo").output();
        assertTrue(moved, moved.contains("at demo (25 %)"));
        assertEquals(200, send(postJson("/pipeline/opportunities/" + deal.id() + "/stage", SALES,
                "{\"stage\":\"proposal\"}")).statusCode());
        assertEquals(List.of("qualified", "demo", "proposal"), deals.stageHistory(deal.id()).stream()
                .map(c -> c.to()).toList());
        HttpResponse<String> lost = send(postJson("/pipeline/opportunities/" + deal.id() + "/lost", SALES,
                "{\"reason\":\"went with a competitor\"}"));
        assertEquals(lost.body(), 200, lost.statusCode());
        assertProblem(send(postJson("/pipeline/opportunities/" + deal.id() + "/stage", SALES, "{\"stage\":\"demo\"}")),
                "pipeline.opportunity-closed");
        assertFalse(deals.stuck(LocalDate.now().plusDays(31)).stream().anyMatch(o -> o.id() == deal.id()));
    }

    @Test
    public void orderAndInvoiceFromSalesEventsAppearAsReadOnlyCopiesAndAContractMakesOneRenewal() throws Exception {
        String tag = tag();
        Opportunity deal = deal(tag, "900", LocalDate.now().plusDays(15), "itest-owner", "web");
        publish("sales.sales-order.created", Map.of("number", "SO-" + tag, "opportunityId", deal.id(), "accountId",
                deal.accountId()));
        publish("sales.invoice.issued", Map.of("number", "INV-" + tag, "opportunityId", deal.id(), "accountId",
                deal.accountId(), "status", "issued"));
        await("the copies arrive", Duration.ofSeconds(30), () -> "issued".equals(deals.opportunity(deal.id())
                .orElseThrow().invoiceStatus()));
        Opportunity copied = deals.opportunity(deal.id()).orElseThrow();
        assertEquals("SO-" + tag, copied.orderNumber());
        assertEquals("INV-" + tag, copied.invoiceNumber());
        Account account = accounts.account(deal.accountId()).orElseThrow();
        assertEquals("SO-" + tag, account.lastOrderNumber());
        assertEquals("issued", account.lastInvoiceStatus());
        HttpResponse<String> rest = send(get("/pipeline/opportunities/" + deal.id(), VIEWER));
        assertTrue(rest.body(), rest.body().contains("\"orderNumber\":\"SO-" + tag + "\""));

        LocalDate termEnd = LocalDate.now().plusMonths(12);
        Map<String, Object> contract = Map.of("accountId", deal.accountId(), "opportunityId", deal.id(),
                "orderNumber", "SO-" + tag, "line", 1, "description", "Support plan " + tag, "termEnd",
                termEnd.toString(), "amount", "1200.00", "currency", "EUR");
        for (int i = 0; i < 5; i++) {
            publish("sales.contract.delivered", contract); // delivered again and again: one renewal
        }
        // every delivery read (the subscriber is not behind), and still one renewal
        await("the pipeline has read every delivery", Duration.ofSeconds(30), () -> renewals(deal).size() == 1
                && eventLog.subscribers().stream().filter(s -> s.subscriberId().equals("crm-pipeline.erp-copies"))
                .allMatch(s -> s.behind() == 0));
        List<Opportunity> renewals = renewals(deal);
        assertEquals(1, renewals.size());
        assertEquals(termEnd, renewals.get(0).expectedClose());
        assertEquals(new BigDecimal("1200.00"), renewals.get(0).amount().amount());
        List<Activity> tasks = deals.activities(null, null, renewals.get(0).id(), null, 0, 10);
        assertEquals(1, tasks.size());
        assertEquals(termEnd.minusDays(60), tasks.get(0).due());
    }

    @Test
    public void invalidInputIsRefusedWithItsCodeAndWritesNothing() throws Exception {
        String tag = tag();
        Opportunity deal = deal(tag, "100", LocalDate.now().plusDays(10), "itest-owner", "web");
        long events = count(PIPELINE_EVENTS);
        long opportunities = count("SELECT COUNT(*) FROM PIP_OPPORTUNITY");
        long quoteRows = count("SELECT COUNT(*) FROM PIP_QUOTE");
        String account = "\"accountId\":" + deal.accountId();

        assertProblem(send(postJson("/pipeline/opportunities", SALES, "{" + account + ",\"name\":\"x\",\"stage\":\"bogus\"}")),
                "pipeline.unknown-stage");
        assertProblem(send(postJson("/pipeline/opportunities/" + deal.id() + "/stage", SALES, "{\"stage\":\"bogus\"}")),
                "pipeline.unknown-stage");
        HttpResponse<String> negative = send(postJson("/pipeline/opportunities", SALES, "{" + account
                + ",\"name\":\"x\",\"amount\":\"-5\"}"));
        assertProblem(negative, "pipeline.invalid");
        assertTrue(negative.body(), negative.body().contains("\"field\":\"amount\""));
        HttpResponse<String> past = send(postJson("/pipeline/opportunities", SALES, "{" + account
                + ",\"name\":\"x\",\"expectedClose\":\"" + LocalDate.now().minusDays(1) + "\"}"));
        assertProblem(past, "pipeline.invalid");
        assertTrue(past.body(), past.body().contains("\"field\":\"expectedClose\""));
        HttpResponse<String> empty = send(postJson("/pipeline/opportunities/" + deal.id() + "/quotes", SALES,
                "{\"lines\":[]}"));
        assertProblem(empty, "pipeline.invalid");
        assertTrue(empty.body(), empty.body().contains("\"field\":\"lines\""));
        assertProblem(send(postJson("/pipeline/opportunities/" + deal.id() + "/quotes", SALES,
                "{\"lines\":[{\"sku\":\"NO-SUCH-" + tag + "\",\"quantity\":1}]}")), "pipeline.unknown-item");
        assertProblem(send(postJson("/pipeline/opportunities/" + deal.id() + "/quotes", SALES,
                "{\"lines\":[{\"description\":\"x\",\"quantity\":1,\"unitPrice\":\"1\",\"taxCode\":\"NOPE\"}]}")),
                "pipeline.unknown-tax-code");
        assertEquals(events, count(PIPELINE_EVENTS));
        assertEquals(opportunities, count("SELECT COUNT(*) FROM PIP_OPPORTUNITY"));
        assertEquals(quoteRows, count("SELECT COUNT(*) FROM PIP_QUOTE"));

        Quote quote = quotes.createQuote(deal.id(), new NewQuote(LocalDate.now().plusDays(5), null, null,
                List.of(new NewQuoteLine(null, "Consulting day", BigDecimal.ONE, new BigDecimal("1000"), null, null))),
                "itest");
        long afterQuote = count(PIPELINE_EVENTS);
        try {
            quotes.accept(quote.id(), LocalDate.now().plusDays(6), "itest");
            fail("an expired quote was accepted");
        } catch (TesseraException e) {
            assertEquals("pipeline.quote-expired", e.code());
        }
        assertEquals(QuoteStatus.OPEN, quotes.quote(quote.id()).orElseThrow().status());
        assertEquals(OpportunityStatus.OPEN, deals.opportunity(deal.id()).orElseThrow().status());
        assertEquals(afterQuote, count(PIPELINE_EVENTS));
        assertProblem(send(post("/pipeline/quotes/999999999/accept", SALES)), "pipeline.quote-not-found");
        assertEquals(403, send(postJson("/pipeline/leads", VIEWER, "{\"name\":\"x\",\"email\":\"x@y.example\"}"))
                .statusCode());
        String refused = tryCommandAs("pipeline:stage " + deal.id() + " bogus", "sales").failure();
        assertTrue(refused, refused.contains("pipeline.unknown-stage"));

        assertHostileInputRefused(List.of("/pipeline/leads", "/pipeline/accounts", "/pipeline/contacts",
                "/pipeline/opportunities", "/pipeline/activities", "/pipeline/opportunities/" + deal.id() + "/quotes",
                "/pipeline/opportunities/" + deal.id() + "/stage", "/pipeline/leads/1/merge"), SALES);
        assertEquals(afterQuote, count(PIPELINE_EVENTS));
    }

    @Test
    public void theConsoleCapturesQualifiesQuotesAndAcceptsADeal() throws Exception {
        String tag = tag();
        CommandResult add = tryCommand("pipeline:lead-add --email olga@" + tag + ".example --company \"Fabrikam " + tag
                + "\" --source event \"Olga Petrova\"");
        String added = add.output();
        assertTrue(added + add.failure(), added.startsWith("Lead "));
        long lead = Long.parseLong(added.substring(5, added.indexOf(':')));
        String again = tryCommand("pipeline:lead-add --email olga@" + tag + ".example \"Olga P.\"").failure();
        assertTrue(again, again.contains("pipeline.duplicate-lead"));
        assertTrue(tryCommand("pipeline:leads").output().contains("Olga Petrova"));
        String qualified = tryCommand("pipeline:qualify --amount 2000 --close " + LocalDate.now().plusDays(30)
                + " " + lead).output();
        assertTrue(qualified, qualified.contains("qualified: account"));
        long deal = leads.lead(lead).orElseThrow().opportunityId();
        assertTrue(tryCommand("pipeline:opportunities").output().contains("Fabrikam " + tag));
        CommandResult quote = tryCommand("pipeline:quote " + deal + " '2 Consulting day @ 950' '1 Travel costs @ 120 -50%'");
        String quoted = quote.output();
        assertTrue(quoted + quote.failure(), quoted.contains("Net 1960.00") && quoted.contains("manual prices are unverified"));
        long quoteId = quotes.quotes(deal).get(0).id();
        String accepted = tryCommand("pipeline:accept " + quoteId).output();
        assertTrue(accepted, accepted.contains("accepted") && accepted.contains("won"));
        String shown = tryCommand("pipeline:opportunity " + deal).output();
        assertTrue(shown, shown.contains("qualified -> won") && shown.contains("accepted"));
        String denied = tryCommandAs("pipeline:lead-add --email s@" + tag + ".example Someone", "viewer").failure();
        assertNotNull("a viewer may not capture leads", denied);
    }

    @Test
    public void theDemoCompanyHasAPipelineWithAQuoteFromTheCatalogAndLoadsOnce() throws Exception {
        String first = executeCommand("tessera:demo all");
        assertTrue(first, first.contains("crm-pipeline: 3 accounts"));
        assertTrue("sales' demo builds on the pipeline's: " + first, first.contains("erp-sales: orders for 3 customers")
                && first.indexOf("crm-pipeline:") < first.indexOf("erp-sales:"));
        // the contract invoiced by sales' demo comes back as a renewal deal: wait for it, it is the pipeline's write
        await("the demo's renewal deal", Duration.ofSeconds(30), () -> count("SELECT COUNT(*) FROM PIP_OPPORTUNITY"
                + " WHERE RENEWAL_KEY IS NOT NULL") >= 1);
        assertEquals(1, count("SELECT COUNT(*) FROM PIP_ACCOUNT WHERE NAME = 'Northwind Traders'"));
        long deals = count("SELECT COUNT(*) FROM PIP_OPPORTUNITY");
        executeCommand("tessera:demo all");
        assertEquals("loading twice adds nothing", 1, count("SELECT COUNT(*) FROM PIP_ACCOUNT WHERE NAME = 'Northwind Traders'"));
        assertEquals(deals, count("SELECT COUNT(*) FROM PIP_OPPORTUNITY"));
        assertTrue(executeCommand("pipeline:duplicates").contains("Tom Fisher"));
        assertEquals("the demo's quote is priced from the demo catalog", 1, count("SELECT COUNT(*) FROM PIP_QUOTE_LINE"
                + " WHERE SKU = 'MUG-1' AND PRICE_SOURCE = 'CATALOG'"));
        assertFalse(deals(null).isEmpty());
    }

    // ---------------------------------------------------------------- helpers

    private List<Opportunity> deals(String owner) {
        return deals.opportunities(OpportunityStatus.OPEN, null, owner, 0, 1000);
    }

    private Opportunity deal(String tag, String amount, LocalDate close, String owner, String source) {
        Account account = accounts.createAccount(new NewAccount("Account " + tag, null, null, null, owner, null), "itest");
        return deals.createOpportunity(new NewOpportunity(account.id(), "Deal " + tag, null, new BigDecimal(amount), null,
                close, owner, source), "itest");
    }

    private List<Opportunity> renewals(Opportunity deal) {
        return deals.opportunities(null, deal.accountId(), null, 0, 100).stream()
                .filter(o -> Long.valueOf(deal.id()).equals(o.renewalOf())).toList();
    }

    /** An event as the sales module publishes it, committed on its own. */
    private void publish(String type, Map<String, Object> payload) {
        injectEvent(type, String.valueOf(payload.getOrDefault("number", payload.get("orderNumber"))), payload);
    }

    private long leadCount() throws Exception {
        return count("SELECT COUNT(*) FROM PIP_LEAD");
    }



    private static String tag() {
        return Long.toString(System.nanoTime(), 36) + Integer.toString((int) (Math.random() * 1000), 36);
    }
}
