package dev.tessera.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFileExtend;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import dev.tessera.erp.inventory.api.Catalog;
import dev.tessera.erp.inventory.api.Count;
import dev.tessera.erp.inventory.api.Issue;
import dev.tessera.erp.inventory.api.MoveType;
import dev.tessera.erp.inventory.api.NewItem;
import dev.tessera.erp.inventory.api.Receipt;
import dev.tessera.erp.inventory.api.Revaluation;
import dev.tessera.erp.inventory.api.Revalued;
import dev.tessera.erp.inventory.api.StockLevel;
import dev.tessera.erp.inventory.api.StockMove;
import dev.tessera.erp.inventory.api.StockService;
import dev.tessera.erp.inventory.api.Transfer;
import dev.tessera.erp.inventory.api.ValuationLine;
import dev.tessera.erp.inventory.api.ValuationMethod;
import dev.tessera.platform.api.TesseraException;

/**
 * The inventory in the running distribution: no overselling under concurrency, FIFO / moving-average / standard
 * costs against hand computations, transfers and counts that keep quantities and value consistent, refusals that
 * write nothing, and the REST surface. Each test uses its own items and warehouses.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class InventoryIT extends RestTestSupport {
    private static final String STOCKKEEPER = basic("itest-stock", "itest-secret");

    @Inject
    private Catalog catalog;

    @Inject
    private StockService stock;

    @Override
    @Configuration
    public Option[] config() throws IOException {
        List<Option> options = withUsers(super.config());
        options.add(editConfigurationFilePut("etc/users.properties", "itest-stock", "itest-secret,inventory"));
        options.add(editConfigurationFileExtend("etc/org.apache.karaf.features.cfg", "featuresBoot", "tessera-erp-inventory"));
        return options.toArray(new Option[0]);
    }

    @Test
    public void twoHundredConcurrentReservationsOfTenUnitsOnHandSucceedExactlyTenTimes() throws Exception {
        item("RACE-1", ValuationMethod.FIFO, null);
        warehouse("RACE");
        stock.receive(new Receipt("RACE-1", "RACE", null, null, new BigDecimal("10"), new BigDecimal("3"), "in"), "itest");
        AtomicInteger refused = new AtomicInteger();
        int succeeded = race(200, i -> {
            try {
                stock.reserve("RACE-1", "RACE", BigDecimal.ONE, "SO-" + i, "itest");
                return true;
            } catch (TesseraException e) {
                assertEquals("inventory.insufficient-stock", e.code());
                refused.incrementAndGet();
                return false;
            }
        });
        assertEquals(10, succeeded);
        assertEquals(190, refused.get());
        StockLevel level = stock.stock("RACE-1", "RACE").get(0);
        assertEquals(0, level.onHand().compareTo(BigDecimal.TEN));
        assertEquals(0, level.reserved().compareTo(BigDecimal.TEN));
        assertEquals(0, level.available().signum());

        item("RACE-2", ValuationMethod.MOVING_AVERAGE, null);
        stock.receive(new Receipt("RACE-2", "RACE", null, null, new BigDecimal("10"), new BigDecimal("3"), "in"), "itest");
        int issued = race(50, i -> {
            try {
                stock.issue(new Issue("RACE-2", "RACE", null, null, BigDecimal.ONE, "ship-" + i, null), "itest");
                return true;
            } catch (TesseraException e) {
                assertEquals("inventory.insufficient-stock", e.code());
                return false;
            }
        });
        assertEquals(10, issued);
        assertEquals(0, stock.stock("RACE-2", "RACE").get(0).onHand().signum());
        assertEquals("never negative", 0, count("SELECT COUNT(*) FROM INV_STOCK WHERE QUANTITY < 0"));
    }

    @Test
    public void fifoMovingAverageAndStandardCostsMatchTheHandComputation() {
        warehouse("COST");
        item("FIFO-1", ValuationMethod.FIFO, null);
        receive("FIFO-1", "COST", "10", "10");
        receive("FIFO-1", "COST", "10", "12");
        receive("FIFO-1", "COST", "10", "15");
        assertEquals(new BigDecimal("160.00"), issue("FIFO-1", "COST", "15").value()); // 10 x 10 + 5 x 12
        assertEquals(new BigDecimal("135.00"), issue("FIFO-1", "COST", "10").value()); // 5 x 12 + 5 x 15
        assertEquals(new BigDecimal("75.00"), stock.stock("FIFO-1", "COST").get(0).value());

        item("AVG-1", ValuationMethod.MOVING_AVERAGE, null);
        receive("AVG-1", "COST", "10", "10");
        receive("AVG-1", "COST", "10", "12"); // 20 at 11
        assertEquals(new BigDecimal("55.00"), issue("AVG-1", "COST", "5").value());
        receive("AVG-1", "COST", "5", "14"); // 20 at 235 / 20 = 11.75
        assertEquals(new BigDecimal("117.50"), issue("AVG-1", "COST", "10").value());
        assertEquals(new BigDecimal("117.50"), stock.stock("AVG-1", "COST").get(0).value());

        item("STD-1", ValuationMethod.STANDARD, new BigDecimal("10"));
        StockMove receipt = receive("STD-1", "COST", "10", "12");
        assertEquals(new BigDecimal("100.00"), receipt.value());
        assertEquals("the purchase price variance", new BigDecimal("20.00"), receipt.variance());
        assertEquals(new BigDecimal("40.00"), issue("STD-1", "COST", "4").value());
    }

    @Test
    public void aRevaluationGoesToTheReceiptStillOnHandAndTheRestIsLeftAsIssued() {
        warehouse("REV-A");
        warehouse("REV-B");
        // FIFO: 10 at 5, 4 issued, 3 transferred: a difference of +10.00 on the 10 is 6/10 stock (3 + 3), 4/10 issued
        item("REV-FIFO", ValuationMethod.FIFO, null);
        StockMove fifo = receive("REV-FIFO", "REV-A", "10", "5");
        receive("REV-FIFO", "REV-A", "10", "6");
        issue("REV-FIFO", "REV-A", "4");
        stock.transfer(new Transfer("REV-FIFO", "REV-A", null, "REV-B", null, null, new BigDecimal("3"), null), "itest");
        Revalued f = stock.revalue(new Revaluation(fifo.id(), new BigDecimal("10"), new BigDecimal("10.00"), "B-1:1"),
                "itest");
        assertEquals(0, f.quantityOnHand().compareTo(new BigDecimal("6")));
        assertEquals(new BigDecimal("6.00"), f.stockValue());
        assertEquals(new BigDecimal("4.00"), f.issuedValue());
        assertEquals("3 x 5 + 3.00 + 10 x 6", new BigDecimal("78.00"), stock.stock("REV-FIFO", "REV-A").get(0).value());
        assertEquals("3 x 5 + 3.00", new BigDecimal("18.00"), stock.stock("REV-FIFO", "REV-B").get(0).value());
        StockMove revaluation = stock.moves("REV-FIFO", 0, 100).stream().filter(m -> m.type() == MoveType.REVALUATION)
                .findFirst().orElseThrow();
        assertEquals(f.moveId().longValue(), revaluation.id());
        assertEquals(new BigDecimal("6.00"), revaluation.value());
        ValuationLine valued = stock.valuation(LocalDate.now()).stream().filter(v -> v.sku().equals("REV-FIFO"))
                .findFirst().orElseThrow();
        assertEquals("a revaluation changes value, not quantity", 0, valued.quantity().compareTo(new BigDecimal("16")));
        assertEquals(new BigDecimal("96.00"), valued.value());
        // the next issue takes the revalued layer first: its 3 at 5 + 1.00
        assertEquals(new BigDecimal("18.00"), issue("REV-FIFO", "REV-A", "3").value());

        // moving average: 10 at 4 received, 5 issued; -5.00 on the 10: half to the 5 still there
        item("REV-AVG", ValuationMethod.MOVING_AVERAGE, null);
        StockMove avg = receive("REV-AVG", "REV-A", "10", "4");
        issue("REV-AVG", "REV-A", "5");
        Revalued a = stock.revalue(new Revaluation(avg.id(), new BigDecimal("10"), new BigDecimal("-5.00"), "B-2:1"),
                "itest");
        assertEquals(new BigDecimal("-2.50"), a.stockValue());
        assertEquals(new BigDecimal("-2.50"), a.issuedValue());
        assertEquals(new BigDecimal("17.50"), stock.stock("REV-AVG", "REV-A").get(0).value());

        // standard cost: all of it is variance, no move
        item("REV-STD", ValuationMethod.STANDARD, new BigDecimal("10"));
        StockMove std = receive("REV-STD", "REV-A", "5", "10");
        long moves = count("SELECT COUNT(*) FROM INV_MOVE");
        Revalued s = stock.revalue(new Revaluation(std.id(), new BigDecimal("5"), new BigDecimal("2.00"), "B-3:1"), "itest");
        assertEquals(new BigDecimal("2.00"), s.issuedValue());
        assertEquals(0, s.stockValue().signum());
        assertNull(s.moveId());
        assertEquals(moves, count("SELECT COUNT(*) FROM INV_MOVE"));

        TesseraException notReceipt = refused(() -> stock.revalue(new Revaluation(revaluation.id(), BigDecimal.ONE,
                BigDecimal.ONE, null), "itest"));
        assertEquals("inventory.move-not-found", notReceipt.code());
        TesseraException tooMany = refused(() -> stock.revalue(new Revaluation(std.id(), new BigDecimal("6"),
                BigDecimal.ONE, null), "itest"));
        assertEquals("inventory.invalid", tooMany.code());
        assertEquals(moves, count("SELECT COUNT(*) FROM INV_MOVE"));
    }

    @Test
    public void transfersAndCountsKeepLocationsAndTotalValueConsistent() {
        warehouse("WH-A");
        warehouse("WH-B");
        stock.addLocation("WH-A", "B1", "itest");
        item("MOVE-1", ValuationMethod.FIFO, null);
        receive("MOVE-1", "WH-A", "20", "5");
        stock.transfer(new Transfer("MOVE-1", "WH-A", null, "WH-A", "B1", null, new BigDecimal("5"), null), "itest");
        assertEquals(new BigDecimal("100.00"), stock.stock("MOVE-1", "WH-A").get(0).value());
        stock.transfer(new Transfer("MOVE-1", "WH-A", null, "WH-B", null, null, new BigDecimal("5"), null), "itest");
        assertEquals(new BigDecimal("75.00"), stock.stock("MOVE-1", "WH-A").get(0).value());
        assertEquals(new BigDecimal("25.00"), stock.stock("MOVE-1", "WH-B").get(0).value());
        StockMove adjustment = stock.count(new Count("MOVE-1", "WH-A", null, null, new BigDecimal("8"), "count"),
                "itest").orElseThrow();
        assertEquals(new BigDecimal("-2"), adjustment.quantity());
        assertEquals(new BigDecimal("-10.00"), adjustment.value());
        assertTrue(stock.count(new Count("MOVE-1", "WH-A", "B1", null, new BigDecimal("5"), null), "itest").isEmpty());
        assertEquals(0, stock.stock("MOVE-1", "WH-A").get(0).onHand().compareTo(new BigDecimal("13")));
        BigDecimal total = stock.stock("MOVE-1", null).stream().map(StockLevel::value).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(new BigDecimal("90.00"), total);
        assertEquals(new BigDecimal("90.00"), stock.valuation(LocalDate.now()).stream()
                .filter(v -> v.sku().equals("MOVE-1")).findFirst().orElseThrow().value());
        assertEquals("5 stay in WH-A/B1", 1, count("SELECT COUNT(*) FROM INV_STOCK WHERE SKU = 'MOVE-1'"
                + " AND WAREHOUSE = 'WH-A' AND LOCATION = 'B1' AND QUANTITY = 5"));
    }

    @Test
    public void invalidMovesAreRefusedWithTheirCodeAndWriteNothing() {
        warehouse("BAD");
        item("BAD-1", ValuationMethod.FIFO, null);
        catalog.createItem(new NewItem("LOT-1", "Lotted", "kg", null, true, ValuationMethod.FIFO, null, null, null), "itest");
        receive("BAD-1", "BAD", "3", "1");
        long moves = count("SELECT COUNT(*) FROM INV_MOVE");
        long events = count("SELECT COUNT(*) FROM TSR_EVENT");
        Object[][] cases = {
            {"inventory.unknown-item", (Runnable) () -> stock.receive(new Receipt("NOPE", "BAD", null, null, BigDecimal.ONE,
                    BigDecimal.ONE, null), "itest")},
            {"inventory.invalid", (Runnable) () -> stock.receive(new Receipt("BAD-1", "BAD", null, null, new BigDecimal("-1"),
                    BigDecimal.ONE, null), "itest")},
            {"inventory.invalid", (Runnable) () -> stock.issue(new Issue("BAD-1", "BAD", null, null, BigDecimal.ZERO, null,
                    null), "itest")},
            {"inventory.insufficient-stock", (Runnable) () -> stock.issue(new Issue("BAD-1", "BAD", null, null,
                    new BigDecimal("4"), null, null), "itest")},
            {"inventory.unknown-warehouse", (Runnable) () -> stock.issue(new Issue("BAD-1", "NOWHERE", null, null,
                    BigDecimal.ONE, null, null), "itest")},
            {"inventory.unknown-location", (Runnable) () -> stock.issue(new Issue("BAD-1", "BAD", "Z9", null,
                    BigDecimal.ONE, null, null), "itest")},
            {"inventory.lot-required", (Runnable) () -> stock.receive(new Receipt("LOT-1", "BAD", null, null, BigDecimal.ONE,
                    BigDecimal.ONE, null), "itest")},
            {"inventory.insufficient-stock", (Runnable) () -> stock.reserve("BAD-1", "BAD", new BigDecimal("4"), "SO-1",
                    "itest")},
            {"inventory.invalid", (Runnable) () -> stock.receive(new Receipt("BAD-1", "BAD", null, null,
                    new BigDecimal("1.5"), BigDecimal.ONE, null), "itest")},
            {"inventory.invalid", (Runnable) () -> stock.reserve("BAD-1", "BAD", new BigDecimal("0.5"), "SO-1",
                    "itest")},
        };
        for (Object[] c : cases) {
            try {
                ((Runnable) c[1]).run();
                fail("accepted although " + c[0]);
            } catch (TesseraException e) {
                assertEquals(e.getMessage(), c[0], e.code());
            }
        }
        catalog.setActive("BAD-1", false, "itest");
        try {
            stock.issue(new Issue("BAD-1", "BAD", null, null, BigDecimal.ONE, null, null), "itest");
            fail("issued an inactive item");
        } catch (TesseraException e) {
            assertEquals("inventory.item-inactive", e.code());
        }
        catalog.setActive("BAD-1", true, "itest");
        assertEquals("no move written", moves, count("SELECT COUNT(*) FROM INV_MOVE"));
        assertEquals("no event but the two item updates", events + 2, count("SELECT COUNT(*) FROM TSR_EVENT"));
    }

    @Test
    public void theRestSurfaceTakesDecimalStringsAndAnswersConflictsAsProblems() throws Exception {
        assertEquals(201, await(postJson("/inventory/warehouses", STOCKKEEPER, "{\"code\":\"REST\",\"name\":\"Web shop\"}"))
                .statusCode());
        HttpResponse<String> item = send(postJson("/inventory/items", STOCKKEEPER, "{\"sku\":\"REST-1\",\"name\":\"Mug\","
                + "\"uom\":\"pcs\",\"valuationMethod\":\"FIFO\",\"reorderPoint\":\"5\",\"reorderQuantity\":\"20\"}"));
        assertEquals(item.body(), 201, item.statusCode());
        HttpResponse<String> receipt = send(postJson("/inventory/receipts", STOCKKEEPER, "{\"sku\":\"REST-1\","
                + "\"warehouse\":\"REST\",\"quantity\":\"6\",\"unitCost\":\"2.50\"}"));
        assertEquals(receipt.body(), 201, receipt.statusCode());
        HttpResponse<String> issue = send(postJson("/inventory/issues", STOCKKEEPER, "{\"sku\":\"REST-1\","
                + "\"warehouse\":\"REST\",\"quantity\":\"2\"}"));
        assertEquals(issue.body(), 201, issue.statusCode());
        assertTrue(issue.body(), issue.body().contains("\"cost\":5.00"));
        HttpResponse<String> reserved = send(postJson("/inventory/reservations", SALES, "{\"sku\":\"REST-1\","
                + "\"warehouse\":\"REST\",\"quantity\":\"3\",\"reference\":\"SO-7\"}"));
        assertEquals(reserved.body(), 201, reserved.statusCode());
        HttpResponse<String> oversold = send(postJson("/inventory/reservations", SALES, "{\"sku\":\"REST-1\","
                + "\"warehouse\":\"REST\",\"quantity\":\"2\",\"reference\":\"SO-8\"}"));
        assertEquals(oversold.body(), 409, oversold.statusCode());
        assertProblem(oversold, "inventory.insufficient-stock");
        assertTrue(oversold.body(), oversold.body().contains("Only 1 pcs of REST-1 available"));
        HttpResponse<String> level = send(get("/inventory/stock?sku=REST-1&warehouse=REST", VIEWER));
        assertTrue(level.body(), level.body().contains("\"onHand\":4") && level.body().contains("\"reserved\":3")
                && level.body().contains("\"available\":1") && level.body().contains("\"value\":10.00"));
        HttpResponse<String> noCurrency = send(get("/inventory/prices?sku=REST-1", VIEWER));
        assertEquals(noCurrency.body(), 400, noCurrency.statusCode());
        assertTrue(noCurrency.body(), noCurrency.body().contains("\"field\":\"currency\""));
        HttpResponse<String> noPrice = send(get("/inventory/prices?sku=REST-1&currency=EUR", VIEWER));
        assertEquals(noPrice.body(), 404, noPrice.statusCode());
        assertProblem(noPrice, "inventory.price-not-found");
        HttpResponse<String> reorder = send(get("/inventory/reorder-suggestions", VIEWER));
        assertTrue(reorder.body(), reorder.body().contains("\"sku\":\"REST-1\"")
                && reorder.body().contains("\"suggestedQuantity\":20"));
        assertEquals(403, send(postJson("/inventory/receipts", VIEWER, "{}")).statusCode());
        String console = executeCommand("inventory:stock REST-1 REST");
        assertTrue(console, console.contains("REST-1") && console.contains("10.00"));
        String refusedOnConsole = executeFailingCommand("inventory:reserve REST-1 REST 5 SO-9");
        assertTrue(refusedOnConsole, refusedOnConsole.contains("[inventory.insufficient-stock]"));
        assertTrue("viewers may not move stock", tryCommandAs("inventory:receive REST-1 REST 1 1", "viewer").failure()
                .contains("Command not found"));
        HttpResponse<String> halfAMug = send(postJson("/inventory/receipts", STOCKKEEPER, "{\"sku\":\"REST-1\","
                + "\"warehouse\":\"REST\",\"quantity\":\"1.5\",\"unitCost\":\"2.50\"}"));
        assertEquals(halfAMug.body(), 400, halfAMug.statusCode());
        assertProblem(halfAMug, "inventory.invalid");
        assertTrue(halfAMug.body(), halfAMug.body().contains("must be a whole number of pcs, not 1.5"));
        assertEquals(201, send(postJson("/inventory/items", STOCKKEEPER, "{\"sku\":\"REST-KG\",\"name\":\"Coffee\","
                + "\"uom\":\"kg\"}")).statusCode());
        HttpResponse<String> weighed = send(postJson("/inventory/receipts", STOCKKEEPER, "{\"sku\":\"REST-KG\","
                + "\"warehouse\":\"REST\",\"quantity\":\"2.5\",\"unitCost\":\"18\"}"));
        assertEquals("items measured, not counted, take fractions: " + weighed.body(), 201, weighed.statusCode());
        HttpResponse<String> hostile = send(postJson("/inventory/receipts", STOCKKEEPER, "{\"sku\":\"REST-1\","
                + "\"warehouse\":\"REST\",\"quantity\":\"1e9999\",\"unitCost\":\"x\"}"));
        assertTrue(hostile.body(), hostile.statusCode() == 400);
    }

    @Test
    public void pricesFollowListsAndGroupsAndItemChangesPublishTheirDiff() throws Exception {
        item("PRICE-1", ValuationMethod.FIFO, null);
        catalog.createPriceList(new dev.tessera.erp.inventory.api.PriceList("RETAIL", "Retail", "EUR", null, null, null),
                "itest");
        catalog.createPriceList(new dev.tessera.erp.inventory.api.PriceList("DEALER26", "Dealers 2026", "EUR",
                LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-31"), "dealer"), "itest");
        catalog.setPrice("RETAIL", "PRICE-1", new BigDecimal("19.90"), "itest");
        catalog.setPrice("DEALER26", "PRICE-1", new BigDecimal("14.50"), "itest");
        assertEquals(new BigDecimal("19.9"), catalog.price("PRICE-1", "EUR", null, LocalDate.parse("2026-06-01"))
                .orElseThrow().unitPrice());
        assertEquals(new BigDecimal("14.5"), catalog.price("PRICE-1", "EUR", "dealer", LocalDate.parse("2026-06-01"))
                .orElseThrow().unitPrice());
        assertEquals("the dealer list has expired", new BigDecimal("19.9"), catalog.price("PRICE-1", "EUR", "dealer",
                LocalDate.parse("2027-01-02")).orElseThrow().unitPrice());
        assertTrue(catalog.price("PRICE-1", "USD", null, null).isEmpty());

        catalog.updateItem("PRICE-1", new NewItem(null, "Renamed", null, null, null, null, null, new BigDecimal("3"), null),
                "itest");
        HttpResponse<String> events = awaitBody(get("/platform/events?type=inventory.item.updated&limit=1000", VIEWER),
                "\"newValue\":\"Renamed\"");
        // the event carries the changed fields only, each with its old and new value (in no particular order)
        assertTrue(events.body(), events.body().contains("\"name\":{\"oldValue\":\"Item PRICE-1\",\"newValue\":\"Renamed\"}")
                && events.body().contains("\"reorderPoint\":{\"oldValue\":null,\"newValue\":3}"));

        int before = catalog.items(null, 1000).size();
        String csv = "sku,name,uom,category,valuation\nCSV-1,One,pcs,,fifo\nCSV-2,Two,pcs,,lifo\n";
        HttpResponse<String> refused = send(request("/inventory/items/import", STOCKKEEPER).header("Content-Type",
                "text/csv").POST(java.net.http.HttpRequest.BodyPublishers.ofString(csv)).build());
        assertEquals(refused.body(), 400, refused.statusCode());
        assertTrue(refused.body(), refused.body().contains("\"field\":\"rows[2].valuation\""));
        assertEquals(before, catalog.items(null, 1000).size());
        HttpResponse<String> imported = send(request("/inventory/items/import", STOCKKEEPER).header("Content-Type",
                "text/csv").POST(java.net.http.HttpRequest.BodyPublishers.ofString(csv.replace("lifo", "standard,2"))).build());
        assertEquals(imported.body(), 200, imported.statusCode());
        assertEquals(before + 2, catalog.items(null, 1000).size());
    }

    @Test
    public void hostileInputOnEveryInventoryWriteEndpointIsRefusedAndWritesNothing() throws Exception {
        long moves = count("SELECT COUNT(*) FROM INV_MOVE");
        long items = count("SELECT COUNT(*) FROM INV_ITEM");
        long events = count("SELECT COUNT(*) FROM TSR_EVENT");
        await(get("/inventory/items", STOCKKEEPER));
        assertHostileInputRefused(List.of("/inventory/warehouses", "/inventory/items", "/inventory/price-lists",
                "/inventory/receipts", "/inventory/issues", "/inventory/transfers", "/inventory/counts",
                "/inventory/reservations"), STOCKKEEPER);
        assertEquals(moves, count("SELECT COUNT(*) FROM INV_MOVE"));
        assertEquals(items, count("SELECT COUNT(*) FROM INV_ITEM"));
        assertEquals(events, count("SELECT COUNT(*) FROM TSR_EVENT"));
    }

    // ------------------------------------------------------------------ helpers

    private interface Attempt {
        boolean run(int i) throws Exception;
    }

    private static int race(int callers, Attempt attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            int n = i;
            results.add(pool.submit(() -> attempt.run(n)));
        }
        int succeeded = 0;
        for (Future<Boolean> f : results) {
            succeeded += f.get() ? 1 : 0;
        }
        pool.shutdown();
        return succeeded;
    }

    private void item(String sku, ValuationMethod method, BigDecimal standard) {
        catalog.createItem(new NewItem(sku, "Item " + sku, "pcs", "test", false, method, standard, null, null), "itest");
    }

    private void warehouse(String code) {
        stock.createWarehouse(code, "Warehouse " + code, "itest");
    }

    private StockMove receive(String sku, String warehouse, String quantity, String cost) {
        return stock.receive(new Receipt(sku, warehouse, null, null, new BigDecimal(quantity), new BigDecimal(cost), null),
                "itest");
    }

    private StockMove issue(String sku, String warehouse, String quantity) {
        return stock.issue(new Issue(sku, warehouse, null, null, new BigDecimal(quantity), null, null), "itest");
    }

}
