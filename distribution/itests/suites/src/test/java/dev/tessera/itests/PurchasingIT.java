package dev.tessera.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFileExtend;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
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
import dev.tessera.erp.inventory.api.NewItem;
import dev.tessera.erp.inventory.api.StockService;
import dev.tessera.erp.inventory.api.ValuationMethod;
import dev.tessera.erp.ledger.api.JournalEntry;
import dev.tessera.erp.ledger.api.LedgerService;
import dev.tessera.erp.purchasing.api.GoodsReceipts;
import dev.tessera.erp.purchasing.api.NewGoodsReceipt;
import dev.tessera.erp.purchasing.api.NewPurchaseOrder;
import dev.tessera.erp.purchasing.api.NewPurchaseOrderLine;
import dev.tessera.erp.purchasing.api.NewVendor;
import dev.tessera.erp.purchasing.api.PurchaseOrder;
import dev.tessera.erp.purchasing.api.PurchaseOrderStatus;
import dev.tessera.erp.purchasing.api.PurchaseOrders;
import dev.tessera.erp.purchasing.api.ReceiveLine;
import dev.tessera.erp.purchasing.api.Vendor;
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
    private static final String PURCHASING_EVENTS = "SELECT COUNT(*) FROM TSR_EVENT WHERE TYPE LIKE 'purchasing.%'";

    @Inject
    private Vendors vendors;

    @Inject
    private PurchaseOrders orders;

    @Inject
    private GoodsReceipts receipts;

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
