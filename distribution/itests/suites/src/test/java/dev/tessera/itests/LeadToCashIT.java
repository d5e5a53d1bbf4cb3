package dev.tessera.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFileExtend;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

import dev.tessera.erp.inventory.api.Catalog;
import dev.tessera.erp.inventory.api.NewItem;
import dev.tessera.erp.inventory.api.PriceList;
import dev.tessera.erp.inventory.api.Receipt;
import dev.tessera.erp.inventory.api.StockLevel;
import dev.tessera.erp.inventory.api.StockService;
import dev.tessera.erp.inventory.api.ValuationMethod;
import dev.tessera.erp.ledger.api.JournalEntry;
import dev.tessera.erp.ledger.api.LedgerService;
import dev.tessera.erp.ledger.api.ProfitAndLoss;
import dev.tessera.erp.ledger.api.StatementLine;
import dev.tessera.erp.ledger.api.TrialBalance;
import dev.tessera.platform.api.ModuleManager;
import dev.tessera.platform.api.event.DomainEvent;
import dev.tessera.platform.api.event.EventLog;
import dev.tessera.platform.api.event.EventPublisher;
import dev.tessera.platform.api.event.StoredEvent;

/**
 * Lead to cash across the four modules of the distribution, each talking to the others only through services and
 * events: a lead becomes a paid invoice with every module's state checked after each step and the books matching
 * the hand computation; then the same deal with a neighbour absent and returning (the inventory, the ledger, sales,
 * the pipeline), where nothing is lost or done twice and no bundle outside the toggled module is restarted.
 * <p>
 * The pipeline and sales are reached over REST and SQL only: their API bundles leave with them when they are
 * disabled, and a probe linked to one revision could not see the next. Every deal is the same: 4 espresso machines at 250 less 10 % (cost 100 each, FIFO) and onboarding at 500 for 12
 * months, both at 19 % VAT: net 1,400, tax 266, gross 1,666, cost of goods 400.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LeadToCashIT extends RestTestSupport {
    private static final String FINANCE = basic("itest-finance", "itest-secret");
    private static final BigDecimal NET = new BigDecimal("1400.00");
    private static final BigDecimal TAX = new BigDecimal("266.00");
    private static final BigDecimal GROSS = new BigDecimal("1666.00");
    private static final BigDecimal COST = new BigDecimal("400.00");

    @Inject
    private ModuleManager modules;

    @Inject
    private org.apache.karaf.features.FeaturesService features;

    @Inject
    private EventLog eventLog;

    @Inject
    private EventPublisher events;

    @Inject
    @Filter("(osgi.jndi.service.name=tessera)")
    private DataSource dataSource;

    @Override
    @Configuration
    public Option[] config() throws IOException {
        List<Option> options = withUsers(super.config());
        options.add(editConfigurationFilePut("etc/users.properties", "itest-finance", "itest-secret,finance"));
        // quick webhook retries, so that an integrator's failing receiver is retried within the test
        options.add(editConfigurationFilePut("etc/dev.tessera.platform.webhooks.cfg", "retryInitialMillis", "200"));
        options.add(editConfigurationFilePut("etc/dev.tessera.platform.webhooks.cfg", "pollMillis", "100"));
        options.add(editConfigurationFilePut("etc/dev.tessera.platform.webhooks.cfg", "allowPrivateTargets", "127.0.0.1"));
        options.add(editConfigurationFileExtend("etc/org.apache.karaf.features.cfg", "featuresBoot",
                "tessera-erp-ledger,tessera-erp-inventory,tessera-crm-pipeline,tessera-erp-sales"));
        return options.toArray(new Option[0]);
    }

    /** Every module and kernel command README shows (lead to cash included), as `./tessera.sh demo` lists them. */
    private static final List<String> README_COMMANDS = List.of(
            "inventory:count", "inventory:import", "inventory:incoming", "inventory:issue", "inventory:item-add",
            "inventory:items", "inventory:receive", "inventory:reorder", "inventory:reserve", "inventory:stock",
            "inventory:transfer", "inventory:warehouse-add", "ledger:account-add", "ledger:account-deactivate",
            "ledger:account-ledger", "ledger:accounts", "ledger:balance-sheet", "ledger:close-period",
            "ledger:close-year", "ledger:entries", "ledger:entry", "ledger:import-accounts", "ledger:lock-period",
            "ledger:periods", "ledger:pnl", "ledger:post", "ledger:rate", "ledger:reopen-period", "ledger:reverse",
            "ledger:tax-codes", "ledger:trial-balance", "ledger:verify", "pipeline:accept", "pipeline:account-add",
            "pipeline:accounts", "pipeline:activity-add", "pipeline:duplicates", "pipeline:forecast",
            "pipeline:lead-add", "pipeline:lead-import", "pipeline:leads", "pipeline:lost", "pipeline:merge",
            "pipeline:opportunities", "pipeline:opportunity", "pipeline:overdue", "pipeline:qualify", "pipeline:quote",
            "pipeline:reject", "pipeline:stage", "pipeline:task-done", "pipeline:won", "sales:aging", "sales:billing",
            "sales:cancel", "sales:confirm", "sales:credit", "sales:invoice", "sales:invoices", "sales:order",
            "sales:order-add", "sales:orders", "sales:pay", "sales:ship", "tessera:audit", "tessera:dead-letters",
            "tessera:demo", "tessera:disable", "tessera:enable", "tessera:events", "tessera:health",
            "tessera:migrations", "tessera:modules", "tessera:ownership", "tessera:profile-apply",
            "tessera:profile-plan", "tessera:profiles", "tessera:replay", "tessera:subscribers", "tessera:token-create",
            "tessera:token-revoke", "tessera:tokens", "tessera:upgrade", "tessera:webhook-resume", "tessera:webhooks");

    @Test
    public void theConsoleOfBinTesseraRunsEveryCommandReadmeShowsAndAViewerIsToldTheWritesAreNotFound() {
        String[] local = System.getProperty("karaf.local.roles", "").split(",");
        assertTrue("the local console's roles are configured", local.length > 1);
        for (String command : README_COMMANDS) {
            CommandResult help = tryCommandAs(command + " --help", local);
            assertTrue(command + ": " + help.failure(), help.failure() == null);
            assertTrue(command + ": " + help.output(), help.output().contains("DESCRIPTION"));
        }
        // a user without the role does not see a write command at all, as README's Security says
        CommandResult denied = tryCommandAs("pipeline:lead-add --help", "viewer");
        assertTrue(String.valueOf(denied.failure()), denied.failure() != null
                && denied.failure().contains("Command not found"));
    }

    @Test
    public void aLeadBecomesAPaidInvoiceAcrossTheModulesAndTheBooksMatchTheHandComputation() throws Exception {
        String tag = tag();
        String sku = item(tag);
        ledgerCaughtUp();
        LedgerService ledger = awaitService(LedgerService.class);
        LocalDate today = LocalDate.now();
        ProfitAndLoss before = ledger.profitAndLoss(today.withDayOfYear(1), today);
        BigDecimal taxBefore = balance(ledger, "2200");

        Deal deal = leadToQuote(tag, sku);
        String quote = send(get("/pipeline/quotes/" + deal.quote, VIEWER)).body();
        assertEquals(quote, "CATALOG", text(quote, "priceSource"));
        assertEquals(NET, decimal(quote, "net"));
        assertEquals("taxed by the ledger's engine", TAX, decimal(quote, "tax"));

        // an integrator listens for new orders; its receiver fails twice before it takes the delivery
        Receiver receiver = new Receiver(0, n -> n <= 2 ? 500 : 200);
        HttpResponse<String> hook = send(postJson("/webhooks", ADMIN, "{\"url\":\"" + receiver.url()
                + "\",\"events\":[\"sales.sales-order.created\"],\"secret\":\"l2c-secret-0123456789\",\"description\":\"l2c\"}"));
        assertEquals(hook.body(), 201, hook.statusCode());

        // 4. accepted: the deal is won, sales makes the order and reserves the stock, the number comes back
        assertEquals(200, send(post("/pipeline/quotes/" + deal.quote + "/accept", SALES)).statusCode());
        assertEquals("WON", text(send(get("/pipeline/opportunities/" + deal.opportunity, VIEWER)).body(), "status"));
        Order order = awaitOrder(deal.quote, "CONFIRMED");
        assertEquals(GROSS, order.gross);
        assertEquals(0, new BigDecimal("4").compareTo(stock(sku).reserved()));
        awaitDeal(deal.opportunity, "\"orderNumber\":\"" + order.number + "\"");
        try {
            await("the integrator receives the order after two failures", Duration.ofSeconds(30),
                    () -> receiver.accepted() == 1);
            List<Receiver.Request> deliveries = receiver.requests();
            assertEquals("the same event, retried", 3, deliveries.size());
            assertEquals(deliveries.get(0).header("X-Tessera-Event-Id"), deliveries.get(2).header("X-Tessera-Event-Id"));
            assertTrue(deliveries.get(2).body(), deliveries.get(2).body().contains(order.number));
        } finally {
            receiver.close();
            send(delete("/webhooks/" + number(hook.body(), "id"), ADMIN));
        }

        // 5. shipped: the stock is issued against the reservation, the ledger books the cost of goods
        HttpResponse<String> shipped = send(post("/sales/orders/" + order.id + "/shipments", SALES));
        assertEquals(shipped.body(), 201, shipped.statusCode());
        assertEquals(0, new BigDecimal("16").compareTo(stock(sku).onHand()));
        assertEquals(0, stock(sku).reserved().signum());
        assertEquals("SHIPPED", status("/sales/orders/" + order.id));

        // 6. invoiced: gap-free number, open receivable, the ledger books receivable, revenue and tax
        HttpResponse<String> invoiced = send(post("/sales/orders/" + order.id + "/invoices", FINANCE));
        assertEquals(invoiced.body(), 201, invoiced.statusCode());
        Invoice invoice = new Invoice(number(invoiced.body(), "id"), text(invoiced.body(), "number"));
        assertTrue(invoice.number, invoice.number.matches("INV-" + today.getYear() + "-\\d{6}"));
        assertEquals(GROSS, decimal(invoiced.body(), "open"));
        assertEquals(NET, decimal(invoiced.body(), "net"));
        assertEquals(TAX, decimal(invoiced.body(), "tax"));
        awaitDeal(deal.opportunity, "\"invoiceStatus\":\"issued\"");

        // 7. paid: cash booked, the deal shows it, the contract line plans its renewal
        HttpResponse<String> paid = send(postJson("/sales/invoices/" + invoice.id + "/payments", FINANCE,
                "{\"amount\":\"1666.00\",\"reference\":\"bank " + tag + "\"}"));
        assertEquals(paid.body(), 201, paid.statusCode());
        assertEquals("PAID", status("/sales/invoices/" + invoice.id));
        assertEquals("PAID", status("/sales/orders/" + order.id));
        awaitDeal(deal.opportunity, "\"invoiceStatus\":\"paid\"");
        await("a renewal deal and task", Duration.ofSeconds(30), () -> count("SELECT COUNT(*) FROM PIP_OPPORTUNITY"
                + " WHERE RENEWAL_OF = " + deal.opportunity) == 1 && count("SELECT COUNT(*) FROM PIP_ACTIVITY a JOIN"
                + " PIP_OPPORTUNITY o ON o.ID = a.OPPORTUNITY_ID WHERE o.RENEWAL_OF = " + deal.opportunity
                + " AND a.TYPE = 'TASK'") == 1);

        assertBookedOnce(ledger, invoice, number(paid.body(), "id"), sku);
        ledgerCaughtUp();
        ProfitAndLoss after = ledger.profitAndLoss(today.withDayOfYear(1), today);
        assertEquals("revenue", NET, amount(after.revenue(), "4100").subtract(amount(before.revenue(), "4100")));
        assertEquals("cost of goods sold", COST, amount(after.expenses(), "5100").subtract(amount(before.expenses(),
                "5100")));
        assertEquals("tax payable", TAX, balance(ledger, "2200").subtract(taxBefore));
        TrialBalance trial = ledger.trialBalance(today);
        assertEquals("the trial balance nets to zero", 0, trial.totalDebit().compareTo(trial.totalCredit()));

        // every event the deal produced is of a type its publisher declares, about a record type that module owns
        dev.tessera.platform.api.OwnershipRegistry ownership = awaitService(dev.tessera.platform.api.OwnershipRegistry.class);
        List<String> undeclared = new java.util.ArrayList<>();
        for (dev.tessera.platform.api.event.StoredEvent stored : eventLog.events(0, null, 10_000)) {
            dev.tessera.platform.api.event.DomainEvent e = stored.event();
            if (!List.of("ledger", "inventory", "pipeline", "sales").contains(e.module())) {
                continue; // the test modules' events, whose modules come and go with other tests
            }
            var declared = ownership.eventType(e.type());
            if (declared.isEmpty() || !declared.get().type().recordType().name().equals(e.recordType())
                    || !ownership.ownerOf(declared.get().type().recordType()).equals(
                    java.util.Optional.of(declared.get().ownerModule()))) {
                undeclared.add(e.type() + " about " + e.recordType());
            }
        }
        assertEquals("events not declared by the module owning their record type", List.of(), undeclared);

        // replays: the acceptance and the invoice delivered again change nothing
        replay("pipeline.quote.accepted", Long.toString(deal.quote), 20);
        replay("sales.invoice.issued", Long.toString(invoice.id), 20);
        await("sales and the ledger have read the replays", Duration.ofSeconds(60), () -> eventLog.subscribers()
                .stream().filter(s -> s.subscriberId().equals("erp-sales.pipeline")
                        || s.subscriberId().equals("erp-ledger.posting-rules")).allMatch(s -> s.behind() == 0));
        assertEquals(1, count("SELECT COUNT(*) FROM SAL_ORDER WHERE QUOTE_ID = " + deal.quote));
        assertEquals(1, count("SELECT COUNT(*) FROM INV_RESERVATION WHERE REFERENCE = '" + order.number + "'"));
        assertEquals(1, count("SELECT COUNT(*) FROM SAL_INVOICE WHERE ORDER_ID = " + order.id));
        assertEquals(1, count("SELECT COUNT(*) FROM LDG_ENTRY WHERE SOURCE_MODULE = 'sales' AND SOURCE_REF = '"
                + invoice.number + "'"));
    }

    @Test
    public void withoutTheInventoryQuotesTakeTypedPricesAndTheOrderSkipsReservationAndSaysSo() throws Exception {
        String tag = tag();
        String sku = item(tag);
        try {
            toggle("erp-inventory", "dev.tessera.erp.inventory.", false);
            Deal deal = leadToQuote(tag, sku, "\"unitPrice\":\"250\",");
            String quote = send(get("/pipeline/quotes/" + deal.quote, VIEWER)).body();
            assertEquals(quote, "MANUAL", text(quote, "priceSource"));
            assertTrue(quote, quote.contains("\"unverifiedPrices\":true"));
            assertEquals(GROSS, decimal(quote, "gross"));
            assertEquals(200, send(post("/pipeline/quotes/" + deal.quote + "/accept", SALES)).statusCode());
            Order order = awaitOrder(deal.quote, "CONFIRMED");
            String shown = send(get("/sales/orders/" + order.id, VIEWER)).body();
            assertTrue(shown, shown.contains("the inventory was not enabled") && shown.contains("\"stocked\":false"));
            assertEquals("nothing reserved", 0, count("SELECT COUNT(*) FROM INV_RESERVATION WHERE REFERENCE = '"
                    + order.number + "'"));
            HttpResponse<String> invoiced = send(post("/sales/orders/" + order.id + "/invoices", FINANCE));
            assertEquals("invoiced as ordered: " + invoiced.body(), 201, invoiced.statusCode());
            assertEquals(GROSS, decimal(invoiced.body(), "gross"));
        } finally {
            toggle("erp-inventory", "dev.tessera.erp.inventory.", true);
        }
        ledgerCaughtUp();
    }

    @Test
    public void withTheLedgerAwayFromOrderToPaymentEveryDocumentIsBookedOnceWhenItReturns() throws Exception {
        String tag = tag();
        String sku = item(tag);
        ledgerCaughtUp();
        Deal deal = leadToQuote(tag, sku);
        Invoice invoice;
        long payment;
        try {
            toggle("erp-ledger", "dev.tessera.erp.ledger.", false);
            assertEquals(200, send(post("/pipeline/quotes/" + deal.quote + "/accept", SALES)).statusCode());
            Order order = awaitOrder(deal.quote, "CONFIRMED");
            assertEquals(201, send(post("/sales/orders/" + order.id + "/shipments", SALES)).statusCode());
            HttpResponse<String> invoiced = send(post("/sales/orders/" + order.id + "/invoices", FINANCE));
            assertEquals("the order's tax is the quote's: no engine needed " + invoiced.body(), 201,
                    invoiced.statusCode());
            invoice = new Invoice(number(invoiced.body(), "id"), text(invoiced.body(), "number"));
            assertEquals(TAX, decimal(invoiced.body(), "tax"));
            HttpResponse<String> paid = send(postJson("/sales/invoices/" + invoice.id + "/payments", FINANCE,
                    "{\"amount\":\"1666.00\"}"));
            assertEquals(paid.body(), 201, paid.statusCode());
            payment = number(paid.body(), "id");
            assertEquals(0, count("SELECT COUNT(*) FROM LDG_ENTRY WHERE SOURCE_REF = '" + invoice.number + "'"));
        } finally {
            toggle("erp-ledger", "dev.tessera.erp.ledger.", true);
        }
        LedgerService ledger = awaitService(LedgerService.class);
        ledgerCaughtUp();
        assertBookedOnce(ledger, invoice, payment, sku);
    }

    @Test
    public void withSalesAwayWhenTheQuoteIsAcceptedTheOrderAppearsWhenSalesReturns() throws Exception {
        String tag = tag();
        String sku = item(tag);
        Deal deal = leadToQuote(tag, sku);
        try {
            toggle("erp-sales", "dev.tessera.erp.sales.", false);
            assertEquals(200, send(post("/pipeline/quotes/" + deal.quote + "/accept", SALES)).statusCode());
            assertEquals(0, count("SELECT COUNT(*) FROM SAL_ORDER WHERE QUOTE_ID = " + deal.quote));
        } finally {
            toggle("erp-sales", "dev.tessera.erp.sales.", true);
        }
        Order order = awaitOrder(deal.quote, "CONFIRMED");
        assertEquals(GROSS, order.gross);
        assertEquals(0, new BigDecimal("4").compareTo(stock(sku).reserved()));
        awaitDeal(deal.opportunity, "\"orderNumber\":\"" + order.number + "\"");
        ledgerCaughtUp();
    }

    @Test
    public void withThePipelineAwayAfterTheOrderItsCopiesArriveWhenItReturns() throws Exception {
        String tag = tag();
        String sku = item(tag);
        Deal deal = leadToQuote(tag, sku);
        assertEquals(200, send(post("/pipeline/quotes/" + deal.quote + "/accept", SALES)).statusCode());
        Order order = awaitOrder(deal.quote, "CONFIRMED");
        try {
            toggle("crm-pipeline", "dev.tessera.crm.pipeline.", false);
            assertEquals(201, send(post("/sales/orders/" + order.id + "/shipments", SALES)).statusCode());
            HttpResponse<String> invoiced = send(post("/sales/orders/" + order.id + "/invoices", FINANCE));
            assertEquals(201, invoiced.statusCode());
            assertEquals(201, send(postJson("/sales/invoices/" + number(invoiced.body(), "id") + "/payments", FINANCE,
                    "{\"amount\":\"1666.00\"}")).statusCode());
        } finally {
            toggle("crm-pipeline", "dev.tessera.crm.pipeline.", true);
        }
        awaitDeal(deal.opportunity, "\"invoiceStatus\":\"paid\"");
        assertTrue(send(get("/pipeline/opportunities/" + deal.opportunity, VIEWER)).body().contains(order.number));
        await("the renewal, planned once", Duration.ofSeconds(30), () -> count("SELECT COUNT(*) FROM PIP_OPPORTUNITY"
                + " WHERE RENEWAL_OF = " + deal.opportunity) == 1);
        ledgerCaughtUp();
    }

    @Test
    public void aModuleWritingARecordTypeItDoesNotOwnIsRefusedAndCopiesAreReadOnly() throws Exception {
        addTestModules(features);
        modules.enable(List.of("itest-notes"));
        try {
            String notes = "dev.tessera.itest.notes.api.NoteService";
            long before = (Long) callService(notes, "count");
            callService(notes, "annotate", "note", "its own record type");
            assertEquals(before + 1, ((Long) callService(notes, "count")).longValue());
            try {
                callService(notes, "annotate", "account", "the pipeline's record type");
                org.junit.Assert.fail("a test module wrote an account");
            } catch (IllegalStateException e) {
                dev.tessera.platform.api.TesseraException refusal = (dev.tessera.platform.api.TesseraException) e.getCause();
                assertEquals("platform.undeclared-event", refusal.code());
                assertTrue(refusal.getMessage(), refusal.getMessage().contains("'notes.account.annotated' is not"
                        + " declared by module 'itest-notes'"));
            }
            assertEquals("the refused write left nothing", before + 1, ((Long) callService(notes, "count")).longValue());
            assertEquals(0, count("SELECT COUNT(*) FROM TSR_EVENT WHERE TYPE = 'notes.account.annotated'"));
        } finally {
            modules.disable(List.of("itest-notes"));
        }
        // the pipeline's copies of sales' numbers cannot be written through the pipeline
        long account = number(send(postJson("/pipeline/accounts", SALES, "{\"name\":\"Copies " + tag() + "\"}")).body(),
                "id");
        HttpResponse<String> written = send(request("/pipeline/accounts/" + account, SALES)
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"lastOrderNumber\":\"SO-FAKE\"}")).build());
        assertEquals(written.body(), 400, written.statusCode());
        assertTrue(written.body(), written.body().contains("lastOrderNumber"));
    }

    // ---------------------------------------------------------------- the steps

    private record Deal(long lead, long opportunity, long quote) {
    }

    /** Steps 1 to 3 over REST: the lead, its qualification, the quote priced from the catalog (or as typed). */
    private Deal leadToQuote(String tag, String sku) throws Exception {
        return leadToQuote(tag, sku, "");
    }

    private Deal leadToQuote(String tag, String sku, String price) throws Exception {
        // the suite's leads look alike on purpose (one name pattern): they are captured with force
        HttpResponse<String> lead = await(postJson("/pipeline/leads?force=true", SALES, "{\"name\":\"Ada " + tag
                + "\",\"email\":\"ada@" + tag.toLowerCase() + ".example\",\"company\":\"Espresso " + tag
                + "\",\"source\":\"web\"}"));
        assertEquals(lead.body(), 201, lead.statusCode());
        long leadId = number(lead.body(), "id");
        HttpResponse<String> qualified = send(postJson("/pipeline/leads/" + leadId + "/qualify", SALES,
                "{\"amount\":\"1400\",\"expectedClose\":\"" + LocalDate.now().plusDays(20) + "\"}"));
        assertEquals(qualified.body(), 201, qualified.statusCode());
        long opportunity = number(qualified.body().substring(qualified.body().indexOf("\"opportunity\"")), "id");
        long account = number(qualified.body().substring(qualified.body().indexOf("\"account\"")), "id");
        await("sales has the customer", Duration.ofSeconds(30), () -> count("SELECT COUNT(*) FROM SAL_CUSTOMER"
                + " WHERE ACCOUNT_ID = " + account + " AND NAME = 'Espresso " + tag + "'") == 1 || !hasService(
                "dev.tessera.erp.sales.api.Customers"));
        HttpResponse<String> quote = send(postJson("/pipeline/opportunities/" + opportunity + "/quotes", SALES,
                "{\"lines\":[{\"sku\":\"" + sku + "\",\"description\":\"Espresso machine\",\"quantity\":4," + price
                        + "\"discountPercent\":\"10\"},"
                        + "{\"description\":\"Onboarding\",\"quantity\":1,\"unitPrice\":\"500\",\"contractMonths\":12}]}"));
        assertEquals(quote.body(), 201, quote.statusCode());
        return new Deal(leadId, opportunity, number(quote.body(), "id"));
    }

    /** An espresso machine at 250 with 20 in stock at 100 each. */
    private String item(String tag) {
        String sku = "L2C-" + tag;
        Catalog catalog = awaitService(Catalog.class);
        StockService stock = awaitService(StockService.class);
        catalog.createItem(new NewItem(sku, "Espresso machine", "pcs", "l2c", false, ValuationMethod.FIFO, null, null,
                null), "itest");
        if (catalog.priceLists().stream().noneMatch(l -> l.code().equals("L2C"))) {
            catalog.createPriceList(new PriceList("L2C", "Lead to cash", "EUR", null, null, null), "itest");
        }
        catalog.setPrice("L2C", sku, new BigDecimal("250"), "itest");
        if (stock.warehouses().stream().noneMatch(w -> w.code().equals("L2C"))) {
            stock.createWarehouse("L2C", "Lead to cash", "itest");
        }
        stock.receive(new Receipt(sku, "L2C", null, null, new BigDecimal("20"), new BigDecimal("100"), "in " + tag),
                "itest");
        return sku;
    }

    private StockLevel stock(String sku) {
        return awaitService(StockService.class).stock(sku, "L2C").get(0);
    }

    private record Order(long id, String number, BigDecimal gross) {
    }

    private record Invoice(long id, String number) {
    }

    /** The order sales made of a quote, once it has the status. */
    private Order awaitOrder(long quote, String status) {
        await("the order of quote " + quote + " " + status, Duration.ofSeconds(60), () -> count("SELECT COUNT(*)"
                + " FROM SAL_ORDER WHERE QUOTE_ID = " + quote + " AND STATUS = '" + status + "'") == 1);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT ID, NUMBER, GROSS FROM SAL_ORDER WHERE QUOTE_ID = " + quote)) {
            r.next();
            return new Order(r.getLong(1), r.getString(2), r.getBigDecimal(3).setScale(2));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the opportunity, as REST shows it, contains {@code expected}. */
    private void awaitDeal(long id, String expected) throws Exception {
        awaitBody(get("/pipeline/opportunities/" + id, VIEWER), expected);
    }

    private String status(String path) throws Exception {
        return text(send(get(path, VIEWER)).body(), "status");
    }

    /** Enables or disables a module, proving no bundle outside it starts, stops or refreshes. */
    private void toggle(String module, String bundlePrefix, boolean enable) {
        List<String> outside = recordBundleEventsOutside(bundlePrefix, () -> {
            if (enable) {
                modules.enable(List.of(module));
            } else {
                modules.disable(List.of(module));
            }
        });
        assertEquals("bundle events outside " + module, List.of(), outside);
    }

    /** The invoice, the payment and the goods issued are each one ledger entry with the hand-computed amounts. */
    private void assertBookedOnce(LedgerService ledger, Invoice invoice, long payment, String sku) {
        await("the ledger books the documents", Duration.ofSeconds(60), () -> ledger.entryBySource("sales",
                invoice.number).isPresent() && ledger.entryBySource("sales", "payment-" + payment).isPresent()
                && count("SELECT COUNT(*) FROM LDG_ENTRY WHERE DESCRIPTION = 'Goods issued, " + sku + "'") == 1);
        JournalEntry booked = ledger.entryBySource("sales", invoice.number).orElseThrow();
        assertEquals(0, GROSS.compareTo(booked.total()));
        assertEquals(0, NET.compareTo(side(booked, "4100", false)));
        assertEquals(0, TAX.compareTo(side(booked, "2200", false)));
        assertEquals(0, GROSS.compareTo(side(booked, "1200", true)));
        assertEquals(0, GROSS.compareTo(side(ledger.entryBySource("sales", "payment-" + payment).orElseThrow(), "1100",
                true)));
        assertEquals("cost of goods sold, FIFO", 0, COST.compareTo(sum("SELECT SUM(l.DEBIT) FROM LDG_ENTRY e JOIN"
                + " LDG_LINE l ON l.ENTRY_ID = e.ID WHERE e.DESCRIPTION = 'Goods issued, " + sku + "' AND l.ACCOUNT = '5100'")));
        assertEquals(1, count("SELECT COUNT(*) FROM LDG_ENTRY WHERE SOURCE_REF = '" + invoice.number + "'"));
        assertEquals(1, count("SELECT COUNT(*) FROM LDG_ENTRY WHERE SOURCE_REF = 'payment-" + payment + "'"));
    }

    private static BigDecimal side(JournalEntry entry, String account, boolean debit) {
        return entry.lines().stream().filter(l -> l.account().equals(account))
                .map(l -> debit ? l.debit() : l.credit()).filter(java.util.Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal amount(List<StatementLine> lines, String account) {
        return lines.stream().filter(l -> l.account().equals(account)).map(StatementLine::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
    }

    /** An account's balance today, credit positive (for liabilities such as tax payable). */
    private static BigDecimal balance(LedgerService ledger, String account) {
        return ledger.trialBalance(LocalDate.now()).rows().stream().filter(r -> r.account().equals(account))
                .map(r -> r.credit().subtract(r.debit())).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
    }

    private void ledgerCaughtUp() {
        await("the ledger has booked every event so far", Duration.ofSeconds(60), () -> eventLog.subscribers().stream()
                .filter(s -> s.subscriberId().equals("erp-ledger.posting-rules")).allMatch(s -> s.behind() == 0));
    }

    /** Publishes a stored event's payload again under new event ids, as a retrying sender would. */
    private void replay(String type, String recordId, int times) throws Exception {
        DomainEvent original = eventLog.latest(type, 1000).stream().map(StoredEvent::event)
                .filter(e -> e.recordId().equals(recordId)).findFirst().orElseThrow();
        for (int i = 0; i < times; i++) {
            injectEvent(type, recordId, original.payload());
        }
    }

    private BigDecimal sum(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getBigDecimal(1);
        } catch (Exception e) {
            throw new IllegalStateException(sql, e);
        }
    }


    private static String text(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":\"([^\"]*)\"").matcher(json);
        assertTrue(field + " in " + json, m.find());
        return m.group(1);
    }

    /** The document's own amount: its last occurrence, after the lines that carry the same names. */
    private static BigDecimal decimal(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":(-?[0-9.]+)").matcher(json);
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        assertTrue(field + " in " + json, last != null);
        return new BigDecimal(last);
    }


    private static String tag() {
        return Long.toString(System.nanoTime(), 36).toUpperCase();
    }
}
