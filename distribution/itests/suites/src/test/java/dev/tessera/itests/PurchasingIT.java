package dev.tessera.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFileExtend;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.inject.Inject;

import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import dev.tessera.erp.inventory.api.Catalog;
import dev.tessera.erp.inventory.api.IncomingSupply;
import dev.tessera.erp.inventory.api.Issue;
import dev.tessera.erp.inventory.api.NewItem;
import dev.tessera.erp.inventory.api.StockService;
import dev.tessera.erp.inventory.api.ValuationLine;
import dev.tessera.erp.inventory.api.ValuationMethod;
import dev.tessera.erp.ledger.api.JournalEntry;
import dev.tessera.erp.ledger.api.LedgerService;
import dev.tessera.erp.purchasing.api.AgingLine;
import dev.tessera.erp.purchasing.api.BillStatus;
import dev.tessera.erp.purchasing.api.GoodsReceipts;
import dev.tessera.erp.purchasing.api.NewBillLine;
import dev.tessera.erp.purchasing.api.NewGoodsReceipt;
import dev.tessera.erp.purchasing.api.NewPriceAgreement;
import dev.tessera.erp.purchasing.api.NewPurchaseOrder;
import dev.tessera.erp.purchasing.api.NewPurchaseOrderLine;
import dev.tessera.erp.purchasing.api.NewVendor;
import dev.tessera.erp.purchasing.api.NewVendorBill;
import dev.tessera.erp.purchasing.api.PurchaseOrder;
import dev.tessera.erp.purchasing.api.PurchaseOrderStatus;
import dev.tessera.erp.purchasing.api.PurchaseOrders;
import dev.tessera.erp.purchasing.api.ReceiveLine;
import dev.tessera.erp.purchasing.api.Vendor;
import dev.tessera.erp.purchasing.api.VendorBill;
import dev.tessera.erp.purchasing.api.VendorBills;
import dev.tessera.erp.purchasing.api.VendorPayment;
import dev.tessera.erp.purchasing.api.VendorPayments;
import dev.tessera.erp.purchasing.api.Vendors;
import dev.tessera.platform.api.TesseraException;
import dev.tessera.platform.api.ModuleManager;

/**
 * Purchasing in the running distribution with the inventory and the ledger: an order priced from the vendor's
 * agreement, approved by someone other than its author when above the threshold, received in parts into stock and
 * booked to goods received not invoiced; over-receipts, concurrent or not, and bad input refused with nothing
 * written; each role kept to its side; the module disabled and enabled without touching another bundle.
 */
@RunWith(PaxExam.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
@ExamReactorStrategy(PerClass.class)
public class PurchasingIT extends RestTestSupport {
    private static final String BUYER = basic("itest-buyer", "itest-secret");
    private static final String APPROVER = basic("itest-approver", "itest-secret");
    private static final String FINANCE = basic("itest-finance", "itest-secret");
    private static final String PURCHASING_EVENTS = "SELECT COUNT(*) FROM TSR_EVENT WHERE TYPE LIKE 'purchasing.%'";

    @Inject
    private Vendors vendors;

    @Inject
    private PurchaseOrders orders;

    @Inject
    private GoodsReceipts receipts;

    @Inject
    private VendorBills bills;

    @Inject
    private VendorPayments payments;

    @Inject
    private Catalog catalog;

    @Inject
    private StockService stock;

    @Inject
    private LedgerService ledger;

    @Inject
    private ModuleManager modules;

    @Override
    @Configuration
    public Option[] config() throws IOException {
        List<Option> options = withUsers(super.config());
        options.add(editConfigurationFilePut("etc/users.properties", "itest-buyer", "itest-secret,purchasing"));
        options.add(editConfigurationFilePut("etc/users.properties", "itest-approver",
                "itest-secret,purchasing-approver"));
        options.add(editConfigurationFilePut("etc/users.properties", "itest-finance", "itest-secret,finance"));
        options.add(editConfigurationFileExtend("etc/org.apache.karaf.features.cfg", "featuresBoot",
                "tessera-erp-ledger,tessera-erp-inventory,tessera-erp-purchasing"));
        return options.toArray(new Option[0]);
    }

    @Test
    public void anOrderPricedFromTheAgreementIsApprovedByAnotherUserReceivedInPartsAndBookedAsNotYetInvoiced()
            throws Exception {
        String tag = tag();
        String sku = item(tag);
        HttpResponse<String> vendor = send(postJson("/purchasing/vendors", BUYER, "{\"code\":\"V" + tag
                + "\",\"name\":\"Vendor " + tag + "\",\"currency\":\"EUR\"}"));
        assertEquals(vendor.body(), 201, vendor.statusCode());
        long vendorId = number(vendor.body(), "id");
        // two agreements: the one with the highest minimum the line reaches prices it
        assertEquals(201, send(postJson("/purchasing/vendors/" + vendorId + "/prices", BUYER, "{\"sku\":\"" + sku
                + "\",\"price\":\"12.00\",\"currency\":\"EUR\"}")).statusCode());
        assertEquals(201, send(postJson("/purchasing/vendors/" + vendorId + "/prices", BUYER, "{\"sku\":\"" + sku
                + "\",\"price\":\"10.50\",\"currency\":\"EUR\",\"minQuantity\":500}")).statusCode());

        HttpResponse<String> created = send(postJson("/purchasing/orders", BUYER, "{\"vendorId\":" + vendorId
                + ",\"warehouse\":\"W" + tag + "\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":600},"
                + "{\"description\":\"Freight\",\"quantity\":1,\"unitPrice\":\"150.00\"}]}"));
        assertEquals(created.body(), 201, created.statusCode());
        long id = number(created.body(), "id");
        PurchaseOrder order = orders.order(id).orElseThrow();
        assertTrue(order.number(), order.number().matches("PO-\\d{4}-\\d{6}"));
        assertEquals(PurchaseOrderStatus.DRAFT, order.status());
        assertEquals(0, new BigDecimal("10.50").compareTo(order.lines().get(0).unitPrice()));
        assertEquals("600 x 10.50 + 150 freight", 0, new BigDecimal("6450.00").compareTo(order.net()));

        // above the threshold of 5000: not by its author, not by a buyer without the approver role
        assertProblem(send(post("/purchasing/orders/" + id + "/approve", BUYER)), "purchasing.approver-required");
        HttpResponse<String> approved = send(post("/purchasing/orders/" + id + "/approve", APPROVER));
        assertEquals(approved.body(), 200, approved.statusCode());
        assertTrue(approved.body(), approved.body().contains("\"status\":\"APPROVED\"")
                && approved.body().contains("\"approvedBy\":\"itest-approver\""));

        HttpResponse<String> first = send(postJson("/purchasing/orders/" + id + "/receipts", BUYER,
                "{\"lines\":[{\"line\":1,\"quantity\":250},{\"line\":2,\"quantity\":1}]}"));
        assertEquals(first.body(), 201, first.statusCode());
        assertEquals(PurchaseOrderStatus.PARTIALLY_RECEIVED, orders.order(id).orElseThrow().status());
        assertEquals(0, new BigDecimal("250").compareTo(onHand(sku, tag)));

        // more than is left is refused, and nothing of it is written
        long events = count(PURCHASING_EVENTS);
        HttpResponse<String> over = send(postJson("/purchasing/orders/" + id + "/receipts", BUYER,
                "{\"lines\":[{\"line\":1,\"quantity\":351}]}"));
        assertEquals(over.body(), 400, over.statusCode());
        assertProblem(over, "purchasing.over-receipt");
        assertTrue(over.body(), over.body().contains("lines[0].quantity") && over.body().contains("350"));
        assertEquals(events, count(PURCHASING_EVENTS));
        assertEquals(0, new BigDecimal("250").compareTo(onHand(sku, tag)));
        assertEquals(1, receipts.receipts(id).size());

        assertEquals(201, send(postJson("/purchasing/orders/" + id + "/receipts", BUYER,
                "{\"lines\":[{\"line\":1,\"quantity\":350}]}")).statusCode());
        assertEquals(PurchaseOrderStatus.RECEIVED, orders.order(id).orElseThrow().status());
        assertEquals(0, new BigDecimal("600").compareTo(onHand(sku, tag)));
        awaitBody(get("/purchasing/orders/" + id + "/receipts", VIEWER), "\"receivedBy\":\"itest-buyer\"");

        // the stock arrived at the order's price: inventory against goods received not invoiced, once per receipt
        await("the ledger books both receipts of the item", Duration.ofSeconds(30), () -> bookedFor(sku).size() == 2);
        List<JournalEntry> booked = bookedFor(sku);
        assertEquals(new BigDecimal("6300.00"), sum(booked, "1300", true));
        assertEquals(new BigDecimal("6300.00"), sum(booked, "2150", false));
    }

    @Test
    public void anAuthorCannotApproveTheirOwnOrderAboveTheThresholdEvenAsAdministrator() throws Exception {
        String tag = tag();
        String sku = item(tag);
        Vendor vendor = vendor(tag);
        PurchaseOrder order = orders.createOrder(new NewPurchaseOrder(vendor.id(), null, null, "W" + tag, List.of(
                new NewPurchaseOrderLine(sku, null, new BigDecimal("100"), new BigDecimal("60"), null, null, null)),
                null), "itest-admin");
        long events = count(PURCHASING_EVENTS);
        HttpResponse<String> own = send(post("/purchasing/orders/" + order.id() + "/approve", ADMIN));
        assertEquals(own.body(), 403, own.statusCode());
        assertProblem(own, "purchasing.own-approval");
        assertEquals(events, count(PURCHASING_EVENTS));
        assertEquals(PurchaseOrderStatus.DRAFT, orders.order(order.id()).orElseThrow().status());

        // at or below the threshold a buyer approves an order of another buyer's
        PurchaseOrder small = orders.createOrder(new NewPurchaseOrder(vendor.id(), null, null, "W" + tag, List.of(
                new NewPurchaseOrderLine(sku, null, new BigDecimal("10"), new BigDecimal("60"), null, null, null)),
                null), "someone-else");
        assertEquals(200, send(post("/purchasing/orders/" + small.id() + "/approve", BUYER)).statusCode());
        // changing an approved order makes a revision that needs approval again
        HttpResponse<String> changed = send(request("/purchasing/orders/" + small.id(), BUYER).PUT(
                java.net.http.HttpRequest.BodyPublishers.ofString("{\"lines\":[{\"sku\":\"" + sku
                        + "\",\"quantity\":12,\"unitPrice\":\"60\"}]}")).header("Content-Type", "application/json")
                .build());
        assertEquals(changed.body(), 200, changed.statusCode());
        PurchaseOrder revised = orders.order(small.id()).orElseThrow();
        assertEquals(1, revised.revision());
        assertEquals(PurchaseOrderStatus.DRAFT, revised.status());
    }

    @Test
    public void concurrentReceiptsOfOneLineNeverReceiveMoreThanWasOrdered() throws Exception {
        String tag = tag();
        String sku = item(tag);
        Vendor vendor = vendor(tag);
        PurchaseOrder order = orders.createOrder(new NewPurchaseOrder(vendor.id(), null, null, "W" + tag, List.of(
                new NewPurchaseOrderLine(sku, null, new BigDecimal("3000"), new BigDecimal("1.00"), null, null, null)),
                null), "itest-buyer");
        orders.approve(order.id(), "itest-approver", Set.of("purchasing-approver"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Boolean>> tries = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            tries.add(pool.submit(() -> {
                try {
                    receipts.receive(order.id(), new NewGoodsReceipt(List.of(new ReceiveLine(1, new BigDecimal("500"),
                            null, null, null)), null), "itest-buyer");
                    return true;
                } catch (TesseraException refused) {
                    assertTrue(refused.code(), Set.of("purchasing.over-receipt", "purchasing.order-state")
                            .contains(refused.code()));
                    return false;
                }
            }));
        }
        int received = 0;
        for (Future<Boolean> t : tries) {
            received += t.get() ? 1 : 0;
        }
        pool.shutdown();
        assertEquals("six receipts of 500 fill 3000", 6, received);
        assertEquals(0, new BigDecimal("3000").compareTo(orders.order(order.id()).orElseThrow().lines().get(0)
                .received()));
        assertEquals(0, new BigDecimal("3000").compareTo(onHand(sku, tag)));
        assertEquals(PurchaseOrderStatus.RECEIVED, orders.order(order.id()).orElseThrow().status());
    }

    @Test
    public void badInputIsRefusedWithItsCodeAndWritesNothing() throws Exception {
        String tag = tag();
        String sku = item(tag);
        Vendor vendor = vendor(tag);
        long events = count(PURCHASING_EVENTS);
        long orderCount = count("SELECT COUNT(*) FROM PUR_ORDER");
        assertProblem(send(postJson("/purchasing/orders", BUYER, "{\"vendorId\":" + vendor.id()
                + ",\"lines\":[{\"sku\":\"NO-SUCH-" + tag + "\",\"quantity\":1,\"unitPrice\":\"1\"}]}")),
                "purchasing.unknown-item");
        assertProblem(send(postJson("/purchasing/orders", BUYER, "{\"vendorCode\":\"NOBODY" + tag
                + "\",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":1,\"unitPrice\":\"1\"}]}")),
                "purchasing.unknown-vendor");
        HttpResponse<String> zero = send(postJson("/purchasing/orders", BUYER, "{\"vendorId\":" + vendor.id()
                + ",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":0,\"unitPrice\":\"-1\"}]}"));
        assertProblem(zero, "purchasing.invalid");
        assertTrue(zero.body(), zero.body().contains("lines[0].quantity") && zero.body().contains("lines[0].unitPrice"));
        assertProblem(send(postJson("/purchasing/orders", BUYER, "{\"vendorId\":" + vendor.id()
                + ",\"lines\":[{\"sku\":\"" + sku + "\",\"quantity\":5}]}")), "purchasing.no-price");
        assertProblem(send(postJson("/purchasing/vendors/" + vendor.id() + "/prices", BUYER, "{\"sku\":\"" + sku
                + "\",\"price\":\"3\",\"currency\":\"USD\"}")), "purchasing.currency-mismatch");
        HttpResponse<String> missing = send(postJson("/purchasing/orders/0/receipts", BUYER,
                "{\"lines\":[{\"quantity\":1}]}"));
        assertTrue(missing.body(), missing.statusCode() >= 400 && missing.statusCode() < 500);
        assertEquals(events, count(PURCHASING_EVENTS));
        assertEquals(orderCount, count("SELECT COUNT(*) FROM PUR_ORDER"));
        assertHostileInputRefused(List.of("/purchasing/vendors", "/purchasing/orders"), BUYER);
    }

    @Test
    public void eachRoleStaysOnItsSide() throws Exception {
        String tag = tag();
        HttpResponse<String> byViewer = send(postJson("/purchasing/vendors", VIEWER, "{\"code\":\"X" + tag
                + "\",\"name\":\"X\",\"currency\":\"EUR\"}"));
        assertEquals(byViewer.body(), 403, byViewer.statusCode());
        assertEquals(403, send(get("/purchasing/orders", SALES)).statusCode());
        assertEquals(200, send(get("/purchasing/orders", VIEWER)).statusCode());
        assertEquals(403, send(post("/purchasing/orders/1/approve", VIEWER)).statusCode());
        assertTrue(tryCommandAs("purchasing:vendor-add X" + tag + " Nobody", "viewer").failure() != null);
        assertTrue(tryCommandAs("purchasing:vendors", "viewer").failure() == null);
    }

    @Test
    public void aFullCycleWithPartialReceiptsAndTwoBillsClearsGoodsReceivedNotInvoicedAndSplitsThePriceDifference()
            throws Exception {
        String tag = tag();
        String sku = item(tag);
        Vendor vendor = vendor(tag);
        PurchaseOrder order = orders.createOrder(new NewPurchaseOrder(vendor.id(), null, null, "W" + tag, List.of(
                new NewPurchaseOrderLine(sku, null, new BigDecimal("100"), new BigDecimal("10.00"), "VAT19", null, null),
                new NewPurchaseOrderLine(null, "Freight", BigDecimal.ONE, new BigDecimal("50.00"), "VAT19", null,
                        null)), null), "itest-buyer");
        orders.approve(order.id(), "itest-buyer", Set.of("purchasing"));
        receipts.receive(order.id(), new NewGoodsReceipt(List.of(new ReceiveLine(1, new BigDecimal("60"), null, null,
                null), new ReceiveLine(2, BigDecimal.ONE, null, null, null)), null), "itest-buyer");
        // 20 of the 60 leave the stock before the bill comes: a third of the receipt is issued
        stock.issue(new Issue(sku, "W" + tag, null, null, new BigDecimal("20"), "itest", null), "itest");

        // 10.10 against 10.00 is 1 %, within the 2 % tolerance: the bill matches and is posted
        HttpResponse<String> first = send(postJson("/purchasing/bills", FINANCE, "{\"orderNumber\":\""
                + order.number() + "\",\"vendorReference\":\"INV-A-" + tag + "\",\"lines\":[{\"line\":1,"
                + "\"quantity\":60,\"unitPrice\":\"10.10\"},{\"line\":2,\"quantity\":1}]}"));
        assertEquals(first.body(), 201, first.statusCode());
        VendorBill one = bills.bill(number(first.body(), "id")).orElseThrow();
        assertEquals(BillStatus.OPEN, one.status());
        assertTrue(one.number(), one.number().matches("BILL-\\d{4}-\\d{6}"));
        // by hand: net 606 + 50 = 656, tax 19 % = 124.64, gross 780.64; the difference 60 x 0.10 = 6.00 goes
        // 40/60 to the stock still on hand (4.00) and 20/60 to purchase price variance (2.00)
        assertEquals(new BigDecimal("656.00"), one.net());
        assertEquals(new BigDecimal("124.64"), one.tax());
        assertEquals(new BigDecimal("780.64"), one.gross());
        assertEquals(new BigDecimal("4.00"), one.lines().get(0).stockRevaluation());
        assertEquals(new BigDecimal("2.00"), one.lines().get(0).priceVariance());
        await("the ledger books the bill", Duration.ofSeconds(30), () -> booked(one.number()).size() == 1);
        List<JournalEntry> bill = booked(one.number());
        assertEquals(new BigDecimal("600.00"), sum(bill, "2150", true));
        assertEquals(new BigDecimal("4.00"), sum(bill, "1300", true));
        assertEquals(new BigDecimal("2.00"), sum(bill, "5150", true));
        assertEquals(new BigDecimal("50.00"), sum(bill, "5700", true));
        assertEquals(new BigDecimal("124.64"), sum(bill, "1400", true));
        assertEquals(new BigDecimal("780.64"), sum(bill, "2100", false));
        ValuationLine valued = stock.valuation(LocalDate.now()).stream().filter(v -> v.sku().equals(sku)).findFirst()
                .orElseThrow();
        assertEquals(0, new BigDecimal("40").compareTo(valued.quantity()));
        assertEquals("40 x 10.00 + 4.00 revalued", 0, new BigDecimal("404.00").compareTo(valued.value()));

        // the rest arrives and is billed at the order's price: the order is billed, GRNI of its goods back to zero
        receipts.receive(order.id(), new NewGoodsReceipt(List.of(new ReceiveLine(1, new BigDecimal("40"), null, null,
                null)), null), "itest-buyer");
        HttpResponse<String> second = send(postJson("/purchasing/bills", FINANCE, "{\"orderId\":" + order.id()
                + ",\"vendorReference\":\"INV-B-" + tag + "\",\"lines\":[{\"line\":1,\"quantity\":40}]}"));
        assertEquals(second.body(), 201, second.statusCode());
        VendorBill two = bills.bill(number(second.body(), "id")).orElseThrow();
        assertEquals(BillStatus.OPEN, two.status());
        assertEquals(PurchaseOrderStatus.BILLED, orders.order(order.id()).orElseThrow().status());
        await("the ledger books both receipts and the second bill", Duration.ofSeconds(30),
                () -> receivedFor(sku).size() == 2 && booked(two.number()).size() == 1);
        List<JournalEntry> grni = new ArrayList<>(receivedFor(sku));
        grni.addAll(booked(one.number()));
        grni.addAll(booked(two.number()));
        assertEquals(new BigDecimal("1000.00"), sum(grni, "2150", false));
        assertEquals("GRNI of the order is back to zero", sum(grni, "2150", false), sum(grni, "2150", true));

        // the same vendor invoice number twice is refused, nothing written
        long events = count(PURCHASING_EVENTS);
        assertProblem(send(postJson("/purchasing/bills", FINANCE, "{\"orderId\":" + order.id()
                + ",\"vendorReference\":\"inv-b-" + tag + "\",\"lines\":[{\"line\":1,\"quantity\":1}]}")),
                "purchasing.duplicate-bill");
        assertEquals(events, count(PURCHASING_EVENTS));
    }

    @Test
    public void billsAboveTheReceivedQuantityOrOutsideThePriceToleranceAreHeldUntilAnotherApproverReleasesThem()
            throws Exception {
        String tag = tag();
        String sku = item(tag);
        Vendor vendor = vendor(tag);
        PurchaseOrder order = received(vendor, sku, tag, "10", "6", "5.00");
        HttpResponse<String> tooMany = send(postJson("/purchasing/bills", FINANCE, "{\"orderId\":" + order.id()
                + ",\"vendorReference\":\"Q-" + tag + "\",\"lines\":[{\"line\":1,\"quantity\":8}]}"));
        assertEquals(tooMany.body(), 201, tooMany.statusCode());
        assertTrue(tooMany.body(), tooMany.body().contains("\"status\":\"HELD\"")
                && tooMany.body().contains("billed 8 but only 6 received"));
        HttpResponse<String> dearer = send(postJson("/purchasing/bills", FINANCE, "{\"orderId\":" + order.id()
                + ",\"vendorReference\":\"P-" + tag + "\",\"lines\":[{\"line\":1,\"quantity\":4,\"unitPrice\":"
                + "\"5.50\"}]}"));
        assertTrue(dearer.body(), dearer.body().contains("\"status\":\"HELD\"")
                && dearer.body().contains("price 5.5 is 10 % above the order's 5"));
        VendorBill price = bills.bill(number(dearer.body(), "id")).orElseThrow();
        assertEquals(new BigDecimal("0.00"), price.open());
        assertEquals(0, orders.order(order.id()).orElseThrow().lines().get(0).billed().signum());

        // a held bill is not paid, and not released by finance, nor by the approver without a note
        long events = count(PURCHASING_EVENTS);
        assertProblem(send(postJson("/purchasing/payments", FINANCE, "{\"vendorId\":" + vendor.id()
                + ",\"bills\":[{\"billId\":" + price.id() + "}]}")), "purchasing.bill-state");
        assertEquals(403, send(postJson("/purchasing/bills/" + price.id() + "/release", FINANCE,
                "{\"note\":\"fine\"}")).statusCode());
        assertProblem(send(postJson("/purchasing/bills/" + price.id() + "/release", APPROVER, "{}")),
                "purchasing.invalid");
        assertEquals(events, count(PURCHASING_EVENTS));

        HttpResponse<String> released = send(postJson("/purchasing/bills/" + price.number() + "/release", APPROVER,
                "{\"note\":\"Price rise agreed by phone\"}"));
        assertEquals(released.body(), 200, released.statusCode());
        VendorBill posted = bills.bill(price.id()).orElseThrow();
        assertEquals(BillStatus.OPEN, posted.status());
        assertEquals("itest-approver", posted.releasedBy());
        assertEquals("Price rise agreed by phone", posted.releaseNote());
        assertEquals(new BigDecimal("22.00"), posted.open());
        assertEquals(0, new BigDecimal("4").compareTo(orders.order(order.id()).orElseThrow().lines().get(0).billed()));
        await("the ledger books the released bill", Duration.ofSeconds(30), () -> booked(posted.number()).size() == 1);
        assertEquals(new BigDecimal("22.00"), sum(booked(posted.number()), "2100", false));

        // the quantity hold is cancelled: the vendor sends a corrected bill, which matches
        VendorBill quantity = bills.bill(number(tooMany.body(), "id")).orElseThrow();
        assertEquals(200, send(postJson("/purchasing/bills/" + quantity.id() + "/cancel", FINANCE,
                "{\"reason\":\"only 6 arrived\"}")).statusCode());
        assertEquals(BillStatus.CANCELLED, bills.bill(quantity.id()).orElseThrow().status());
        HttpResponse<String> corrected = send(postJson("/purchasing/bills", FINANCE, "{\"orderId\":" + order.id()
                + ",\"vendorReference\":\"Q2-" + tag + "\",\"lines\":[{\"line\":1,\"quantity\":2}]}"));
        assertTrue(corrected.body(), corrected.body().contains("\"status\":\"OPEN\""));

        // whoever entered a held bill does not release it
        VendorBill own = bills.enter(new NewVendorBill(order.id(), null, "OWN-" + tag, null, null, List.of(
                new NewBillLine(1, new BigDecimal("1"), new BigDecimal("9.00"), null)), null), "itest-approver");
        assertEquals(BillStatus.HELD, own.status());
        assertEquals("purchasing.own-release", refused(() -> bills.release(own.id(), "mine", "itest-approver",
                Set.of("purchasing-approver"))).code());
    }

    @Test
    public void paymentsSettleBillsInFullOrInPartNeverBeyondWhatIsOwedAndTheAgingMovesWithTheDays()
            throws Exception {
        String tag = tag();
        String sku = item(tag);
        Vendor vendor = vendor(tag);
        LocalDate today = LocalDate.now();
        PurchaseOrder order = received(vendor, sku, tag, "30", "30", "10.00");
        // A: dated 100 days ago, due 30 days later; B: dated 20 days ago, due in 10 days
        VendorBill a = bills.enter(new NewVendorBill(order.id(), null, "A-" + tag, today.minusDays(100), null,
                List.of(new NewBillLine(1, new BigDecimal("20"), null, null)), null), "itest-finance");
        VendorBill b = bills.enter(new NewVendorBill(order.id(), null, "B-" + tag, today.minusDays(20), null,
                List.of(new NewBillLine(1, new BigDecimal("10"), null, null)), null), "itest-finance");
        assertEquals(today.minusDays(70), a.dueDate());
        assertEquals(new BigDecimal("200.00"), a.gross());

        long events = count(PURCHASING_EVENTS);
        long paymentsBefore = count("SELECT COUNT(*) FROM PUR_PAYMENT");
        assertProblem(send(postJson("/purchasing/payments", FINANCE, "{\"vendorCode\":\"" + vendor.code()
                + "\",\"bills\":[{\"billNumber\":\"" + a.number() + "\",\"amount\":\"200.01\"}]}")),
                "purchasing.overpayment");
        assertProblem(send(postJson("/purchasing/payments", FINANCE, "{\"vendorCode\":\"" + vendor.code()
                + "\",\"currency\":\"USD\",\"bills\":[{\"billNumber\":\"" + a.number() + "\"}]}")),
                "purchasing.currency-mismatch");
        assertProblem(send(postJson("/purchasing/payments", FINANCE, "{\"vendorCode\":\"" + vendor.code()
                + "\",\"bills\":[{\"billNumber\":\"" + a.number() + "\",\"amount\":\"-5\"}]}")), "purchasing.invalid");
        assertEquals(403, send(postJson("/purchasing/payments", BUYER, "{\"vendorCode\":\"" + vendor.code()
                + "\",\"bills\":[{\"billNumber\":\"" + a.number() + "\"}]}")).statusCode());
        assertEquals(events, count(PURCHASING_EVENTS));
        assertEquals(paymentsBefore, count("SELECT COUNT(*) FROM PUR_PAYMENT"));

        HttpResponse<String> part = send(postJson("/purchasing/payments", FINANCE, "{\"vendorCode\":\""
                + vendor.code() + "\",\"date\":\"" + today.minusDays(50) + "\",\"bills\":[{\"billNumber\":\""
                + a.number() + "\",\"amount\":\"80.00\"}]}"));
        assertEquals(part.body(), 201, part.statusCode());
        assertEquals(BillStatus.PARTIALLY_PAID, bills.bill(a.id()).orElseThrow().status());
        assertEquals(new BigDecimal("120.00"), bills.bill(a.id()).orElseThrow().open());

        // three days: 60 days ago A is 10 days late and unpaid; 30 days ago 40 days late, partly paid; today 70
        // days late, and B (dated since) not due yet
        AgingLine back60 = aging(vendor, today.minusDays(60));
        assertEquals(new BigDecimal("200.00"), back60.days1To30());
        assertEquals(new BigDecimal("200.00"), back60.total());
        AgingLine back30 = aging(vendor, today.minusDays(30));
        assertEquals(new BigDecimal("120.00"), back30.days31To60());
        assertEquals(new BigDecimal("120.00"), back30.total());
        AgingLine now = aging(vendor, today);
        assertEquals(new BigDecimal("120.00"), now.days61To90());
        assertEquals(new BigDecimal("100.00"), now.notDue());
        assertEquals(new BigDecimal("220.00"), now.total());
        awaitBody(get("/purchasing/aging?asOf=" + today, VIEWER), "\"vendorCode\":\"" + vendor.code() + "\"");

        // one payment settles the rest of A and all of B
        HttpResponse<String> rest = send(postJson("/purchasing/payments", FINANCE, "{\"vendorId\":" + vendor.id()
                + ",\"amount\":\"220.00\",\"reference\":\"Bank 77\",\"bills\":[{\"billId\":" + a.id() + "},"
                + "{\"billNumber\":\"" + b.number() + "\"}]}"));
        assertEquals(rest.body(), 201, rest.statusCode());
        assertEquals(BillStatus.PAID, bills.bill(a.id()).orElseThrow().status());
        assertEquals(BillStatus.PAID, bills.bill(b.id()).orElseThrow().status());
        assertTrue(payments.aging(today).stream().noneMatch(l -> l.vendorId() == vendor.id()));
        VendorPayment made = payments.payment(number(rest.body(), "id")).orElseThrow();
        assertTrue(made.number(), made.number().matches("VP-\\d{4}-\\d{6}"));
        await("the ledger books the payment", Duration.ofSeconds(30), () -> booked(made.number()).size() == 1);
        assertEquals(new BigDecimal("220.00"), sum(booked(made.number()), "2100", true));
        assertEquals(new BigDecimal("220.00"), sum(booked(made.number()), "1100", false));
        assertProblem(send(postJson("/purchasing/payments", FINANCE, "{\"vendorId\":" + vendor.id()
                + ",\"bills\":[{\"billId\":" + a.id() + "}]}")), "purchasing.bill-state");
    }

    @Test
    public void aReorderSuggestionBecomesADraftOrderForTheCheapestVendorAndItsReceiptUpdatesStockAndIncoming()
            throws Exception {
        String tag = tag();
        String sku = "R-" + tag;
        catalog.createItem(new NewItem(sku, "Reordered " + tag, "pcs", "parts", false, ValuationMethod.FIFO, null,
                new BigDecimal("50"), new BigDecimal("100")), "itest");
        stock.createWarehouse("W" + tag, "Warehouse " + tag, "itest");
        Vendor dear = vendor("D" + tag);
        Vendor cheap = vendor("C" + tag);
        vendors.addPrice(dear.id(), new NewPriceAgreement(sku, new BigDecimal("3.00"), null, null, null, null, null),
                "itest-buyer");
        vendors.addPrice(cheap.id(), new NewPriceAgreement(sku, new BigDecimal("2.80"), null, null, null, null, null),
                "itest-buyer");
        await("the item is suggested for reorder", Duration.ofSeconds(10), () -> stock.reorderSuggestions().stream()
                .anyMatch(s -> s.sku().equals(sku)));

        HttpResponse<String> drafted = send(postJson("/purchasing/orders/from-reorder", BUYER, "{\"warehouse\":\"W"
                + tag + "\"}"));
        assertEquals(drafted.body(), 200, drafted.statusCode());
        PurchaseOrder order = orders.orders(null, cheap.id(), 0, 10).get(0);
        assertEquals(PurchaseOrderStatus.DRAFT, order.status());
        assertEquals(sku, order.lines().get(0).sku());
        assertEquals(0, new BigDecimal("100").compareTo(order.lines().get(0).quantity()));
        assertEquals(0, new BigDecimal("2.80").compareTo(order.lines().get(0).unitPrice()));
        assertTrue(orders.orders(null, dear.id(), 0, 10).isEmpty());

        orders.approve(order.id(), "itest-buyer", Set.of("purchasing"));
        await("the approved order is incoming", Duration.ofSeconds(30), () -> incoming(sku).compareTo(
                new BigDecimal("100")) == 0);
        assertTrue("available 0 + incoming 100 is above the reorder point", stock.reorderSuggestions().stream()
                .noneMatch(s -> s.sku().equals(sku)));
        HttpResponse<String> onOrder = send(get("/inventory/incoming?sku=" + sku, BUYER));
        assertEquals(onOrder.body(), 200, onOrder.statusCode());
        assertTrue(onOrder.body(), onOrder.body().contains("\"orderNumber\":\"" + order.number() + "\"")
                && onOrder.body().contains("\"vendorCode\":\"" + cheap.code() + "\"")
                && onOrder.body().contains("\"quantity\":100"));
        LocalDate expected = orders.order(order.id()).orElseThrow().lines().get(0).expectedDate();
        assertTrue(send(get("/inventory/available-to-promise/" + sku + "?by=" + expected, VIEWER)).body()
                .contains("\"available\":100"));
        assertTrue("not before it is expected", send(get("/inventory/available-to-promise/" + sku + "?by="
                + expected.minusDays(1), VIEWER)).body().contains("\"available\":0"));
        assertEquals(400, send(get("/inventory/available-to-promise/" + sku + "?by=soon", VIEWER)).statusCode());
        assertEquals(404, send(get("/inventory/incoming?sku=NO-SUCH-" + tag, VIEWER)).statusCode());
        receipts.receive(order.id(), new NewGoodsReceipt(List.of(new ReceiveLine(1, new BigDecimal("30"), null,
                null, null)), "W" + tag), "itest-buyer");
        assertEquals(0, new BigDecimal("30").compareTo(onHand(sku, tag)));
        await("what arrived is no longer incoming", Duration.ofSeconds(30), () -> incoming(sku).compareTo(
                new BigDecimal("70")) == 0);
        orders.close(order.id(), "the rest will not come", "itest-buyer");
        await("a closed order is not incoming", Duration.ofSeconds(30), () -> incoming(sku).signum() == 0);
    }

    @Test
    public void everyPurchasingCommandReadmeShowsRunsOnTheDemoConsole() {
        String[] local = System.getProperty("karaf.local.roles", "").split(",");
        for (String command : List.of("vendor-add", "price-add", "vendors", "vendor", "prices", "vendor-deactivate",
                "order-add", "orders", "order", "approve", "send", "cancel", "close", "receive", "from-reorder",
                "bill-add", "bills", "bill", "bill-release", "bill-cancel", "pay", "payments", "aging")) {
            CommandResult help = tryCommandAs("purchasing:" + command + " --help", local);
            assertTrue(command + ": " + help.failure(), help.failure() == null);
            assertTrue(command + ": " + help.output(), help.output().contains("DESCRIPTION"));
        }
        assertTrue(tryCommandAs("purchasing:pay --help", "purchasing").failure() != null);
        assertTrue(tryCommandAs("purchasing:bill-release --help", "finance").failure() != null);
        assertTrue(tryCommandAs("purchasing:aging", "viewer").failure() == null);
    }

    /**
     * Runs last (hence its name): the module's API bundle goes with it, so the services this class injects are of a
     * revision that no longer exists afterwards; from here on only REST is used.
     */
    @Test
    public void z_disablingAndEnablingPurchasingTouchesNoOtherBundleAndKeepsItsVendors() throws Exception {
        String tag = tag();
        Vendor vendor = vendor(tag);
        List<String> away = recordBundleEventsOutside("dev.tessera.erp.purchasing.",
                () -> modules.disable(List.of("erp-purchasing")));
        assertEquals("bundle events outside purchasing", List.of(), away);
        try {
            awaitStatus(get("/purchasing/vendors/" + vendor.id(), VIEWER), 404);
        } finally {
            List<String> back = recordBundleEventsOutside("dev.tessera.erp.purchasing.",
                    () -> modules.enable(List.of("erp-purchasing")));
            assertEquals("bundle events outside purchasing", List.of(), back);
        }
        awaitBody(get("/purchasing/vendors/" + vendor.id(), VIEWER), "\"code\":\"V" + tag + "\"");
    }

    /** An approved order of {@code ordered} units at {@code price}, {@code received} of them received. */
    private PurchaseOrder received(Vendor vendor, String sku, String tag, String ordered, String received,
                                   String price) {
        PurchaseOrder order = orders.createOrder(new NewPurchaseOrder(vendor.id(), null, null, "W" + tag, List.of(
                new NewPurchaseOrderLine(sku, null, new BigDecimal(ordered), new BigDecimal(price), null, null, null)),
                null), "itest-buyer");
        orders.approve(order.id(), "itest-buyer", Set.of("purchasing"));
        receipts.receive(order.id(), new NewGoodsReceipt(List.of(new ReceiveLine(1, new BigDecimal(received), null,
                null, null)), null), "itest-buyer");
        return orders.order(order.id()).orElseThrow();
    }

    private AgingLine aging(Vendor vendor, LocalDate asOf) {
        return payments.aging(asOf).stream().filter(l -> l.vendorId() == vendor.id()).findFirst().orElseThrow(
                () -> new AssertionError("no aging line of " + vendor.code() + " on " + asOf));
    }

    private BigDecimal incoming(String sku) {
        return stock.incoming(sku).stream().map(IncomingSupply::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private List<JournalEntry> receivedFor(String sku) {
        return ledger.entries(0, 100000).stream().filter(e -> ("Goods received, " + sku).equals(e.description()))
                .toList();
    }

    private List<JournalEntry> booked(String reference) {
        return ledger.entries(0, 100000).stream().filter(e -> reference.equals(e.sourceReference())).toList();
    }

    private Vendor vendor(String tag) {
        return vendors.createVendor(new NewVendor("V" + tag, "Vendor " + tag, "EUR", null, null, null, null, null),
                "itest-buyer");
    }

    private List<JournalEntry> bookedFor(String sku) {
        return ledger.entries(0, 100000).stream().filter(e -> e.description() != null
                && e.description().contains(sku)).toList();
    }

    private static BigDecimal sum(List<JournalEntry> entries, String account, boolean debit) {
        return entries.stream().flatMap(e -> e.lines().stream()).filter(l -> l.account().equals(account))
                .map(l -> debit ? l.debit() : l.credit()).filter(java.util.Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
    }

    private BigDecimal onHand(String sku, String tag) {
        return stock.stock(sku, "W" + tag).get(0).onHand();
    }

    private String item(String tag) {
        String sku = "P-" + tag;
        catalog.createItem(new NewItem(sku, "Item " + tag, "pcs", "parts", false, ValuationMethod.FIFO, null, null,
                null), "itest");
        stock.createWarehouse("W" + tag, "Warehouse " + tag, "itest");
        return sku;
    }

    private static String tag() {
        return Long.toString(System.nanoTime(), 36).toUpperCase();
    }
}
