package dev.tessera.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFileExtend;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
import dev.tessera.crm.pipeline.api.Deals;
import dev.tessera.crm.pipeline.api.NewAccount;
import dev.tessera.crm.pipeline.api.NewOpportunity;
import dev.tessera.crm.pipeline.api.NewQuote;
import dev.tessera.crm.pipeline.api.NewQuoteLine;
import dev.tessera.crm.pipeline.api.Opportunity;
import dev.tessera.crm.pipeline.api.Quote;
import dev.tessera.crm.pipeline.api.Quotes;
import dev.tessera.erp.inventory.api.Catalog;
import dev.tessera.erp.inventory.api.NewItem;
import dev.tessera.erp.inventory.api.PriceList;
import dev.tessera.erp.inventory.api.Receipt;
import dev.tessera.erp.inventory.api.StockLevel;
import dev.tessera.erp.inventory.api.StockService;
import dev.tessera.erp.inventory.api.ValuationMethod;
import dev.tessera.erp.ledger.api.LedgerService;
import dev.tessera.erp.sales.api.Aging;
import dev.tessera.erp.sales.api.Billing;
import dev.tessera.erp.sales.api.CreditLine;
import dev.tessera.erp.sales.api.Customers;
import dev.tessera.erp.sales.api.Invoice;
import dev.tessera.erp.sales.api.InvoiceStatus;
import dev.tessera.erp.sales.api.NewBilling;
import dev.tessera.erp.sales.api.NewOrder;
import dev.tessera.erp.sales.api.NewOrderLine;
import dev.tessera.erp.sales.api.NewPayment;
import dev.tessera.erp.sales.api.OrderStatus;
import dev.tessera.erp.sales.api.Orders;
import dev.tessera.erp.sales.api.Payment;
import dev.tessera.erp.sales.api.SalesOrder;
import dev.tessera.erp.sales.api.ShipLine;
import dev.tessera.platform.api.TesseraException;
import dev.tessera.platform.api.event.EventLog;
import dev.tessera.platform.api.event.EventPublisher;
import dev.tessera.platform.api.event.StoredEvent;

/**
 * Sales in the running distribution with the pipeline, the inventory and the ledger: an accepted quote makes one
 * order and one reservation however often its event comes; partial shipments, invoices and payments give exact
 * statuses, open amounts and aging; concurrent invoicing numbers without gaps or duplicates and a rolled-back
 * invoice gives its number back; refusals write nothing; the ledger books invoices, payments and the cost of goods
 * from sales' and the inventory's events. Each test uses customers and items of its own.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SalesIT extends RestTestSupport {
    private static final String FINANCE = basic("itest-finance", "itest-secret");
    /** Sales' own events: the ledger books others asynchronously, so only these show what a refusal wrote. */
    private static final String SALES_EVENTS = "SELECT COUNT(*) FROM TSR_EVENT WHERE TYPE LIKE 'sales.%'";

    @Inject
    private Orders orders;

    @Inject
    private Billing billing;

    @Inject
    private Customers customers;

    @Inject
    private Accounts accounts;

    @Inject
    private Deals deals;

    @Inject
    private Quotes quotes;

    @Inject
    private Catalog catalog;

    @Inject
    private StockService stock;

    @Inject
    private LedgerService ledger;

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
        options.add(editConfigurationFileExtend("etc/org.apache.karaf.features.cfg", "featuresBoot",
                "tessera-erp-ledger,tessera-erp-inventory,tessera-crm-pipeline,tessera-erp-sales"));
        return options.toArray(new Option[0]);
    }

    @Test
    public void anAcceptedQuoteDeliveredAHundredTimesMakesOneOrderAndOneReservationAndItsNumberReachesTheDeal()
            throws Exception {
        String tag = tag();
        String sku = item(tag, "120.00", "50");
        Opportunity deal = deal(tag);
        Quote quote = quotes.createQuote(deal.id(), new NewQuote(null, null, null, List.of(new NewQuoteLine(sku, null,
                new BigDecimal("5"), null, null, null))), "itest");
        quotes.accept(quote.id(), null, "itest");
        await("the order of the quote", Duration.ofSeconds(30), () -> orders.orderOfQuote(quote.id())
                .map(o -> o.status() == OrderStatus.CONFIRMED).orElse(false));
        SalesOrder order = orders.orderOfQuote(quote.id()).orElseThrow();
        assertEquals(quote.gross(), order.gross());
        assertEquals(Long.valueOf(deal.id()), order.opportunityId());

        // the same acceptance delivered again and again, as a retrying sender or a replay would
        Map<String, Object> payload = eventLog.latest("pipeline.quote.accepted", 1000).stream().map(StoredEvent::event)
                .filter(e -> e.recordId().equals(Long.toString(quote.id()))).findFirst().orElseThrow().payload();
        for (int i = 0; i < 99; i++) {
            publish("pipeline.quote.accepted", Long.toString(quote.id()), payload);
        }
        await("sales has read every delivery", Duration.ofSeconds(60), () -> eventLog.subscribers().stream()
                .filter(s -> s.subscriberId().equals("erp-sales.pipeline")).allMatch(s -> s.behind() == 0));
        assertEquals("one order per quote", 1, count("SELECT COUNT(*) FROM SAL_ORDER WHERE QUOTE_ID = " + quote.id()));
        assertEquals("one reservation", 1, count("SELECT COUNT(*) FROM INV_RESERVATION WHERE REFERENCE = '"
                + order.number() + "'"));
        StockLevel level = stock.stock(sku, "W" + tag).get(0);
        assertEquals(0, new BigDecimal("5").compareTo(level.reserved()));

        await("the order number reaches the deal", Duration.ofSeconds(30), () -> order.number().equals(
                deals.opportunity(deal.id()).orElseThrow().orderNumber()));
        assertEquals(order.number(), accounts.account(deal.accountId()).orElseThrow().lastOrderNumber());

        try {
            billing.invoiceOrder(order.id(), null, "itest");
            fail("an order with nothing shipped was invoiced");
        } catch (TesseraException e) {
            assertEquals("sales.nothing-to-invoice", e.code());
        }
    }

    @Test
    public void partialShipmentInvoiceAndPaymentsGiveExactStatusesOpenAmountsAndAging() throws Exception {
        String tag = tag();
        String sku = item(tag, "100.00", "30");
        long account = customer(tag);
        SalesOrder order = orders.createOrder(new NewOrder(account, null, List.of(
                new NewOrderLine(sku, null, new BigDecimal("10"), null, null, null, null),
                new NewOrderLine(null, "Installation", BigDecimal.ONE, new BigDecimal("200"), null, null, 12))), "itest");
        assertEquals(OrderStatus.DRAFT, order.status());
        assertEquals(new BigDecimal("1428.00"), order.gross()); // (1000 + 200) x 1.19
        order = orders.confirm(order.id(), "itest");
        assertEquals(OrderStatus.CONFIRMED, order.status());
        assertNotNull(order.lines().get(0).reservationId());

        orders.ship(order.id(), List.of(new ShipLine(1, new BigDecimal("4"))), "itest");
        assertEquals(OrderStatus.PARTIALLY_SHIPPED, orders.order(order.id()).orElseThrow().status());
        Invoice first = billing.invoiceOrder(order.id(), LocalDate.now(), "itest");
        assertEquals("4 x 100 and the installation", new BigDecimal("600.00"), first.net());
        assertEquals(new BigDecimal("114.00"), first.tax());
        assertEquals(new BigDecimal("714.00"), first.gross());
        assertEquals(LocalDate.now().plusDays(30), first.dueDate());
        assertTrue(first.number(), first.number().matches("INV-\\d{4}-\\d{6}"));

        HttpResponse<String> paid = send(postJson("/sales/invoices/" + first.id() + "/payments", FINANCE,
                "{\"amount\":\"300.00\",\"reference\":\"bank 1\"}"));
        assertEquals(paid.body(), 201, paid.statusCode());
        Invoice afterFirst = billing.invoice(first.id()).orElseThrow();
        assertEquals(InvoiceStatus.PARTIALLY_PAID, afterFirst.status());
        assertEquals(new BigDecimal("414.00"), afterFirst.open());

        Aging today = billing.aging(LocalDate.now());
        Aging.Row row = row(today, account);
        assertEquals(new BigDecimal("414.00"), row.current());
        assertEquals(new BigDecimal("414.00"), row.total());
        Aging later = billing.aging(first.dueDate().plusDays(45));
        assertEquals("45 days past due", new BigDecimal("414.00"), row(later, account).days31to60());
        assertEquals(new BigDecimal("0.00"), row(later, account).current());
        assertEquals(new BigDecimal("414.00"), row(billing.aging(first.dueDate().plusDays(91)), account).over90());

        orders.ship(order.id(), List.of(), "itest"); // the rest
        assertEquals(OrderStatus.SHIPPED, orders.order(order.id()).orElseThrow().status());
        Invoice second = billing.invoiceOrder(order.id(), LocalDate.now(), "itest");
        assertEquals(new BigDecimal("714.00"), second.gross());
        assertEquals(OrderStatus.INVOICED, orders.order(order.id()).orElseThrow().status());
        assertEquals("the parts add up to the order", order.gross(), first.gross().add(second.gross()));

        Payment rest = billing.receivePayment(new NewPayment(account, new BigDecimal("1178.00"), "EUR", null,
                "bank 2", null), "itest");
        assertEquals("oldest first, then the next", 2, rest.allocations().size());
        assertEquals(new BigDecimal("414.00"), rest.allocations().get(0).amount());
        assertEquals(new BigDecimal("714.00"), rest.allocations().get(1).amount());
        assertEquals("overpaid: kept as credit", new BigDecimal("50.00"), rest.unallocated());
        assertEquals(InvoiceStatus.PAID, billing.invoice(first.id()).orElseThrow().status());
        assertEquals(InvoiceStatus.PAID, billing.invoice(second.id()).orElseThrow().status());
        assertEquals(OrderStatus.PAID, orders.order(order.id()).orElseThrow().status());
        Aging.Row settled = row(billing.aging(LocalDate.now()), account);
        assertEquals(new BigDecimal("0.00"), settled.total());
        assertEquals(new BigDecimal("50.00"), settled.credit());

        // the ledger booked each document once, from the events
        await("the ledger books the invoices", Duration.ofSeconds(30), () -> ledger.entryBySource("sales",
                second.number()).isPresent() && ledger.entryBySource("sales", "payment-" + rest.id()).isPresent());
        assertEquals(0, new BigDecimal("714.00").compareTo(ledger.entryBySource("sales", first.number()).orElseThrow()
                .total()));
        assertEquals(0, new BigDecimal("1178.00").compareTo(ledger.entryBySource("sales", "payment-" + rest.id())
                .orElseThrow().total()));
        assertEquals(1, count("SELECT COUNT(*) FROM LDG_ENTRY WHERE SOURCE_MODULE = 'sales' AND SOURCE_REF = '"
                + first.number() + "'"));
        await("the cost of the goods shipped is booked", Duration.ofSeconds(30), () -> count("SELECT COUNT(*) FROM"
                + " LDG_ENTRY WHERE SOURCE_MODULE = 'inventory' AND DESCRIPTION = 'Goods issued, " + sku + "'") == 2);

        String console = tryCommand("sales:order " + order.id()).output();
        assertTrue(console, console.contains(order.number()) && console.contains("paid") && console.contains(first.number()));
        String aging = tryCommand("sales:aging").output();
        assertTrue(aging, aging.contains("50.00"));
        String renewalKey = order.number() + ":2";
        await("the contract line starts a renewal in the pipeline", Duration.ofSeconds(30), () -> count(
                "SELECT COUNT(*) FROM PIP_OPPORTUNITY WHERE RENEWAL_KEY = '" + renewalKey + "'") == 1);
    }

    @Test
    public void eightThreadsInvoicingAtOnceGetContiguousNumbersAndARolledBackInvoiceGivesItsNumberBack()
            throws Exception {
        String tag = tag();
        long account = customer(tag);
        List<SalesOrder> confirmed = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            SalesOrder o = orders.createOrder(new NewOrder(account, null, List.of(new NewOrderLine(null,
                    "Consulting " + i, BigDecimal.ONE, new BigDecimal(i == 8 ? "99999" : "100"), null, null, null))),
                    "itest");
            confirmed.add(orders.confirm(o.id(), "itest"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Invoice>> done = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            long id = confirmed.get(i).id();
            done.add(pool.submit(() -> billing.invoiceOrder(id, null, "itest")));
        }
        List<Long> numbers = new ArrayList<>();
        for (Future<Invoice> f : done) {
            numbers.add(sequence(f.get().number()));
        }
        pool.shutdown();
        numbers.sort(null);
        for (int i = 1; i < numbers.size(); i++) {
            assertEquals("contiguous and distinct: " + numbers, numbers.get(0) + i, numbers.get(i).longValue());
        }

        // the database refuses the ninth invoice after its number was taken: the number is given back
        execute("ALTER TABLE SAL_INVOICE ADD CONSTRAINT ITEST_REFUSE CHECK (NET < 99999)");
        try {
            billing.invoiceOrder(confirmed.get(8).id(), null, "itest");
            fail("the database should have refused the invoice");
        } catch (RuntimeException refused) {
            // rolled back
        } finally {
            execute("ALTER TABLE SAL_INVOICE DROP CONSTRAINT ITEST_REFUSE");
        }
        Invoice next = billing.invoiceOrder(confirmed.get(8).id(), null, "itest");
        assertEquals("no gap after the rollback", numbers.get(7) + 1, sequence(next.number()));
    }

    @Test
    public void refusalsSayWhatWasWrongAndWriteNothing() throws Exception {
        String tag = tag();
        String sku = item(tag, "50.00", "10");
        long account = customer(tag);
        customers.setBilling(account, new NewBilling(null, "DE123456789", 14, new BigDecimal("500"), null, null), "itest");
        await("the pipeline's read-only copy of the terms", Duration.ofSeconds(30), () -> {
            Account copy = accounts.account(account).orElseThrow();
            return copy.creditLimit() != null && copy.creditLimit().compareTo(new BigDecimal("500")) == 0
                    && Integer.valueOf(14).equals(copy.paymentTermsDays());
        });
        SalesOrder big = orders.createOrder(new NewOrder(account, null, List.of(new NewOrderLine(sku, null,
                new BigDecimal("9"), null, null, null, null))), "itest"); // 535.50 with tax
        long eventsBefore = count(SALES_EVENTS);
        try {
            orders.confirm(big.id(), "itest");
            fail("the credit limit was ignored");
        } catch (TesseraException e) {
            assertEquals("sales.credit-limit-exceeded", e.code());
            assertTrue(e.getMessage(), e.getMessage().contains("500"));
        }
        assertEquals(OrderStatus.DRAFT, orders.order(big.id()).orElseThrow().status());
        assertEquals("nothing reserved", 0, count("SELECT COUNT(*) FROM INV_RESERVATION WHERE REFERENCE = '"
                + big.number() + "' AND STATE = 'ACTIVE'"));
        assertEquals(eventsBefore, count(SALES_EVENTS));

        customers.setBilling(account, new NewBilling(null, null, null, new BigDecimal("100000"), null, null), "itest");
        SalesOrder order = orders.confirm(big.id(), "itest");
        HttpResponse<String> over = send(postJson("/sales/orders/" + order.id() + "/shipments", SALES,
                "{\"lines\":[{\"line\":1,\"quantity\":10}]}"));
        assertProblem(over, "sales.over-shipment");
        assertEquals(0, orders.shipments(order.id()).size());
        orders.ship(order.id(), null, "itest");
        Invoice invoice = billing.invoiceOrder(order.id(), null, "itest");

        HttpResponse<String> dollars = send(postJson("/sales/invoices/" + invoice.id() + "/payments", FINANCE,
                "{\"amount\":\"10.00\",\"currency\":\"USD\"}"));
        assertProblem(dollars, "sales.currency-mismatch");
        Invoice credit = billing.creditNote(invoice.id(), List.of(new CreditLine(1, new BigDecimal("9"))),
                "damaged in transit", "itest");
        assertTrue(credit.number(), credit.number().startsWith("CN-"));
        assertEquals(invoice.gross(), credit.gross());
        assertEquals(InvoiceStatus.CREDITED, billing.invoice(invoice.id()).orElseThrow().status());
        long paymentsBefore = count("SELECT COUNT(*) FROM SAL_PAYMENT");
        assertProblem(send(postJson("/sales/invoices/" + invoice.id() + "/payments", FINANCE,
                "{\"amount\":\"10.00\"}")), "sales.invoice-closed");
        assertEquals(paymentsBefore, count("SELECT COUNT(*) FROM SAL_PAYMENT"));
        assertProblem(send(postJson("/sales/orders/" + order.id() + "/cancel", SALES, "{\"reason\":\"too late\"}")),
                "sales.order-state");

        assertEquals("invoicing needs finance", 403, send(post("/sales/orders/" + order.id() + "/invoices", SALES))
                .statusCode());
        assertEquals(403, send(postJson("/sales/orders", VIEWER, "{\"accountId\":" + account + "}")).statusCode());
        long writes = count(SALES_EVENTS);
        assertHostileInputRefused(List.of("/sales/payments", "/sales/invoices/" + invoice.id()
                + "/payments", "/sales/invoices/" + invoice.id() + "/credit-notes"), FINANCE);
        assertHostileInputRefused(List.of("/sales/orders", "/sales/orders/" + order.id() + "/shipments"), SALES);
        assertEquals(writes, count(SALES_EVENTS));
    }

    /** A document names a customer sales knows: unknown, zero and negative accounts are refused with a code. */
    @Test
    public void ordersPaymentsAndBillingForCustomersNobodyKnowsAreRefused() throws Exception {
        long orders = count("SELECT COUNT(*) FROM SAL_ORDER");
        long payments = count("SELECT COUNT(*) FROM SAL_PAYMENT");
        for (String account : List.of("99999", "0", "-5")) {
            HttpResponse<String> order = send(postJson("/sales/orders", SALES, "{\"accountId\":" + account
                    + ",\"lines\":[{\"description\":\"x\",\"quantity\":1,\"unitPrice\":\"1.00\"}]}"));
            assertTrue(account + " -> " + order.body(), order.statusCode() == 400 || order.statusCode() == 404
                    || order.statusCode() == 422);
            assertTrue(order.body(), order.body().contains("\"code\":\"sales."));
            HttpResponse<String> payment = send(postJson("/sales/payments", FINANCE, "{\"accountId\":" + account
                    + ",\"amount\":\"10.00\"}"));
            assertTrue(account + " -> " + payment.body(), payment.statusCode() >= 400 && payment.statusCode() < 500);
        }
        HttpResponse<String> billing = send(request("/sales/customers/99999999/billing", FINANCE)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"paymentTermsDays\":30}")).build());
        assertTrue(billing.body(), billing.statusCode() == 404 || billing.statusCode() == 400);
        assertTrue(billing.body(), billing.body().contains("\"code\":\"sales."));
        assertEquals("no order written", orders, count("SELECT COUNT(*) FROM SAL_ORDER"));
        assertEquals("no payment written", payments, count("SELECT COUNT(*) FROM SAL_PAYMENT"));
    }

    @Test
    public void theConsoleEntersShipsInvoicesAndCollectsAnOrder() throws Exception {
        String tag = tag();
        String sku = item(tag, "10.00", "100");
        long account = customer(tag);
        String added = executeCommand("sales:order-add --account " + account + " --confirm '20 " + sku + " -10%'"
                + " '1 Delivery fee @ 15'");
        assertTrue(added, added.contains("confirmed") && added.contains("Net 195.00"));
        long id = orders.orders(null, account, 0, 10).get(0).id();
        String shipped = executeCommand("sales:ship " + id + " 1:20");
        assertTrue(shipped, shipped.contains("Shipment SH-"));
        String invoiced = executeCommand("sales:invoice " + id);
        assertTrue(invoiced, invoiced.contains("gross 232.05 EUR"));
        String number = billing.invoices(null, account, 0, 10).get(0).number();
        String paid = executeCommand("sales:pay " + number + " 232.05");
        assertTrue(paid, paid.contains("232.05 to " + number));
        assertTrue(executeCommand("sales:orders --account " + account).contains("paid"));
        assertTrue(executeCommand("sales:invoices --account " + account).contains(number));
        String refused = tryCommandAs("sales:pay " + number + " 1", "sales").failure();
        assertNotNull("paying needs finance", refused);
    }

    // ---------------------------------------------------------------- helpers

    @Test
    public void theSameLinesPriceIdenticallyOnAQuoteAndOnAnOrderFieldByField() {
        String tag = tag();
        String sku = item(tag, "19.99", "100");
        Opportunity deal = deal(tag);
        Quote quote = quotes.createQuote(deal.id(), new NewQuote(null, "EUR", null, List.of(
                new NewQuoteLine(sku, null, new BigDecimal("3.5"), null, new BigDecimal("12.5"), null, null),
                new NewQuoteLine(sku, "Typed price", new BigDecimal("7"), new BigDecimal("0.333333"), null, "VAT7", null),
                new NewQuoteLine(null, "Set-up", BigDecimal.ONE, new BigDecimal("99.995"), new BigDecimal("0.5"), null,
                        12))), "itest");
        SalesOrder order = orders.createOrder(new NewOrder(deal.accountId(), "EUR", List.of(
                new NewOrderLine(sku, null, new BigDecimal("3.5"), null, new BigDecimal("12.5"), null, null),
                new NewOrderLine(sku, "Typed price", new BigDecimal("7"), new BigDecimal("0.333333"), null, "VAT7", null),
                new NewOrderLine(null, "Set-up", BigDecimal.ONE, new BigDecimal("99.995"), new BigDecimal("0.5"), null,
                        12))), "itest");
        assertEquals(quote.lines().size(), order.lines().size());
        for (int i = 0; i < quote.lines().size(); i++) {
            var q = quote.lines().get(i);
            var o = order.lines().get(i);
            String line = "line " + (i + 1) + ": ";
            assertEquals(line + "sku", q.sku(), o.sku());
            assertEquals(line + "description", q.description(), o.description());
            assertEquals(line + "quantity", 0, q.quantity().compareTo(o.quantity()));
            assertEquals(line + "unit price", 0, q.unitPrice().compareTo(o.unitPrice()));
            assertEquals(line + "discount", 0, q.discountPercent().compareTo(o.discountPercent()));
            assertEquals(line + "net", q.net(), o.net());
            assertEquals(line + "tax code", q.taxCode(), o.taxCode());
            assertEquals(line + "tax", q.tax(), o.tax());
            assertEquals(line + "gross", q.gross(), o.gross());
            assertEquals(line + "contract", q.contractMonths(), o.contractMonths());
        }
        assertEquals(quote.net(), order.net());
        assertEquals(quote.tax(), order.tax());
        assertEquals(quote.gross(), order.gross());
        // 3.5 x 19.99 = 69.965, less 12.5 % = 61.219375, rounded half up
        assertEquals(new BigDecimal("61.22"), order.lines().get(0).net());
    }

    private String item(String tag, String price, String onHand) {
        String sku = "S-" + tag;
        catalog.createItem(new NewItem(sku, "Item " + tag, "pcs", "sales", false, ValuationMethod.FIFO, null, null,
                null), "itest");
        if (catalog.priceLists().stream().noneMatch(l -> l.code().equals("ITEST-ALL"))) {
            catalog.createPriceList(new PriceList("ITEST-ALL", "Everyone", "EUR", null, null, null), "itest");
        }
        catalog.setPrice("ITEST-ALL", sku, new BigDecimal(price), "itest");
        stock.createWarehouse("W" + tag, "Warehouse " + tag, "itest");
        stock.receive(new Receipt(sku, "W" + tag, null, null, new BigDecimal(onHand), new BigDecimal("40"), "in"),
                "itest");
        return sku;
    }

    private Opportunity deal(String tag) {
        Account account = accounts.createAccount(new NewAccount("Customer " + tag, null, null, null, null, null), "itest");
        return deals.createOpportunity(new NewOpportunity(account.id(), "Deal " + tag, null, new BigDecimal("600"),
                null, LocalDate.now().plusDays(30), null, "web"), "itest");
    }

    /** A customer as the pipeline makes it; sales learns of it from the pipeline's event. */
    private long customer(String tag) {
        long id = accounts.createAccount(new NewAccount("Customer " + tag, null, null, null, null, null), "itest").id();
        await("sales knows the customer", Duration.ofSeconds(30), () -> customers.billing(id).isPresent());
        assertEquals("Customer " + tag, customers.billing(id).orElseThrow().name());
        return id;
    }

    private static Aging.Row row(Aging aging, long account) {
        return aging.rows().stream().filter(r -> r.accountId() == account).findFirst().orElseThrow();
    }

    private static long sequence(String number) {
        return Long.parseLong(number.substring(number.lastIndexOf('-') + 1));
    }

    private void publish(String type, String recordId, Map<String, Object> payload) {
        injectEvent(type, recordId, payload);
    }

    private void execute(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }

    private static String tag() {
        return Long.toString(System.nanoTime(), 36).toUpperCase() + Integer.toString((int) (Math.random() * 36), 36)
                .toUpperCase();
    }
}
