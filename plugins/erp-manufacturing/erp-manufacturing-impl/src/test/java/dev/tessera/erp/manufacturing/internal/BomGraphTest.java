package dev.tessera.erp.manufacturing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.tessera.erp.manufacturing.api.Bom;
import dev.tessera.erp.manufacturing.api.BomComponent;
import dev.tessera.erp.manufacturing.api.BomOperation;
import dev.tessera.erp.manufacturing.api.CostLine;
import dev.tessera.erp.manufacturing.api.CostRollup;
import dev.tessera.erp.manufacturing.api.Explosion;
import dev.tessera.erp.manufacturing.api.ExplosionLine;
import dev.tessera.erp.manufacturing.api.Requirement;
import dev.tessera.erp.manufacturing.api.Supply;
import dev.tessera.erp.manufacturing.api.WorkCenter;
import dev.tessera.platform.api.TesseraException;

/**
 * A chair of four levels: the chair needs a frame (made two at a time), a phantom kit of bolts and a steel part with
 * 5 % scrap; the frame needs three tubes and paint; a tube needs steel with 20 % scrap. Every figure is worked out
 * by hand in the comments.
 */
class BomGraphTest {
    private static final LocalDate DAY = LocalDate.of(2026, 12, 1);
    private final Map<String, Bom> bills = new HashMap<>();
    private final Map<String, BigDecimal> costs = new HashMap<>(Map.of("S1", new BigDecimal("2.00"),
            "B1", new BigDecimal("0.10"), "P1", new BigDecimal("5.00")));
    private final Map<String, WorkCenter> centers = Map.of(
            "ASM", center("ASM", "30", "0"),
            "PAINT", center("PAINT", "40", "6"));
    private final BomGraph.Source source = new BomGraph.Source() {
        @Override
        public Optional<Bom> bom(String sku) {
            return Optional.ofNullable(bills.get(sku));
        }

        @Override
        public BomGraph.BoughtCost bought(String sku) {
            BigDecimal cost = costs.get(sku);
            return cost == null ? null : new BomGraph.BoughtCost(cost, "test cost");
        }

        @Override
        public WorkCenter center(String code) {
            return centers.get(code);
        }
    };

    BomGraphTest() {
        // tube: 1.5 steel + 20 % = 1.8 a tube; 0.1 h assembly a tube
        bill("TUBE", "1", false, List.of(component("S1", "1.5", "20")), List.of(op("ASM", "0", "0.1", "0")));
        // frame, two a batch: 3 tubes and 0.5 paint a batch; painting 0.5 h setup, 0.25 h a unit, 1.00 fixed
        bill("FRAME", "2", false, List.of(component("TUBE", "3", "0"), component("P1", "0.5", "0")),
                List.of(op("PAINT", "0.5", "0.25", "1.00")));
        bill("KIT", "1", true, List.of(component("B1", "8", "0")), List.of());
        bill("CHAIR", "1", false, List.of(component("FRAME", "1", "0"), component("KIT", "1", "0"),
                component("S1", "1", "5")), List.of(op("ASM", "0", "0.5", "0")));
    }

    @Test
    void grossQuantityIsNetTimesOnePlusScrap() {
        assertEquals(0, new BigDecimal("1.8").compareTo(BomGraph.gross(new BigDecimal("1.5"), new BigDecimal(20))));
        assertEquals(0, new BigDecimal("1.05").compareTo(BomGraph.gross(BigDecimal.ONE, new BigDecimal(5))));
    }

    @Test
    void explosionGoesThroughEveryLevelAndPhantomsAndSumsTheBoughtItems() {
        Explosion e = BomGraph.explode(source, bills.get("CHAIR"), new BigDecimal(4), DAY);
        List<String> lines = new ArrayList<>();
        for (ExplosionLine l : e.lines()) {
            lines.add(l.level() + " " + l.path() + " " + l.quantity().toPlainString() + " " + l.supply());
        }
        assertEquals(List.of(
                "1 CHAIR/FRAME 4 MADE",
                "2 CHAIR/FRAME/TUBE 6 MADE",           // 4 frames = 2 batches × 3 tubes
                "3 CHAIR/FRAME/TUBE/S1 10.8 BOUGHT",   // 6 tubes × 1.8
                "2 CHAIR/FRAME/P1 1 BOUGHT",           // 2 batches × 0.5
                "1 CHAIR/KIT 4 PHANTOM",
                "2 CHAIR/KIT/B1 32 BOUGHT",
                "1 CHAIR/S1 4.2 BOUGHT"), lines);      // 4 × 1.05
        Map<String, Requirement> needs = new HashMap<>();
        e.requirements().forEach(r -> needs.put(r.sku(), r));
        assertEquals(Set.of("S1", "P1", "B1"), needs.keySet());
        assertEquals(0, new BigDecimal("15").compareTo(needs.get("S1").quantity()));     // 10.8 + 4.2
        assertEquals(0, new BigDecimal("13").compareTo(needs.get("S1").netQuantity()));  // 6 × 1.5 + 4 × 1
        assertEquals(0, new BigDecimal("32").compareTo(needs.get("B1").quantity()));
    }

    @Test
    void costRollsUpMaterialsAndOperationsLevelByLevelWithBatchCostsSharedByTheBatch() {
        CostRollup c = BomGraph.cost(source, bills.get("CHAIR"), DAY);
        // tube: materials 1.8 × 2.00 = 3.60, operations 0.1 h × 30 = 3.00
        // frame: materials (3 × 3.60 + 0.5 × 5.00) / 2 = 6.65;
        //        operations (3 × 3.00) / 2 + (0.5 h × 40 + 6 + 1) / 2 + 0.25 h × 40 = 4.50 + 13.50 + 10 = 28.00
        // kit (phantom): 8 × 0.10 = 0.80
        // chair: materials 6.65 + 0.80 + 1.05 × 2.00 = 9.55; operations 28.00 + 0.5 h × 30 = 43.00
        assertEquals(0, new BigDecimal("9.55").compareTo(c.materials()), c.toString());
        assertEquals(0, new BigDecimal("43.00").compareTo(c.operations()), c.toString());
        assertEquals(0, new BigDecimal("52.55").compareTo(c.unitCost()), c.toString());
        CostLine frame = c.lines().stream().filter(l -> "CHAIR/FRAME".equals(l.path())).findFirst().orElseThrow();
        assertEquals(Supply.MADE, frame.supply());
        assertEquals(0, new BigDecimal("34.65").compareTo(frame.unitCost()));
        assertTrue(c.uncosted().isEmpty());
    }

    @Test
    void aWorkOrderRunsOnlyItsOwnAndItsPhantomsOperationsAndIsIssuedMadeComponentsAtTheirWholeCost() {
        CostRollup c = BomGraph.cost(source, bills.get("CHAIR"), DAY);
        // the chair's own assembly, 0.5 h × 30; the frame's and tubes' operations come with the frame
        assertEquals(0, new BigDecimal("15.00").compareTo(WorkOrdersImpl.ownOperations(c)));
        // a phantom's operations are its parent's
        bill("KIT", "1", true, List.of(component("B1", "8", "0")), List.of(op("ASM", "0.2", "0", "0")));
        assertEquals(0, new BigDecimal("21.00").compareTo(WorkOrdersImpl.ownOperations(BomGraph.cost(source,
                bills.get("CHAIR"), DAY))));
    }

    @Test
    void aBoughtItemWithoutACostCountsAsZeroAndIsNamed() {
        costs.remove("B1");
        CostRollup c = BomGraph.cost(source, bills.get("CHAIR"), DAY);
        assertEquals(List.of("B1"), c.uncosted());
        assertEquals(0, new BigDecimal("8.75").compareTo(c.materials()));
    }

    @Test
    void aCycleIsFoundWithItsPath() {
        Map<String, Collection<String>> graph = Map.of("FRAME", List.of("TUBE", "P1"), "TUBE", List.of("S1"),
                "S1", List.of());
        // making S1 from a chair would close S1 → CHAIR → FRAME → TUBE → S1
        Map<String, Collection<String>> withChair = new HashMap<>(graph);
        withChair.put("CHAIR", List.of("FRAME", "S1"));
        assertEquals(Optional.of(List.of("S1", "CHAIR", "FRAME", "TUBE", "S1")),
                BomGraph.cycle("S1", List.of("CHAIR"), s -> withChair.getOrDefault(s, List.of())));
        assertEquals(Optional.of(List.of("S1", "S1")), BomGraph.cycle("S1", List.of("S1"), s -> List.of()));
        assertEquals(Optional.empty(), BomGraph.cycle("CHAIR", List.of("FRAME"), s -> graph.getOrDefault(s,
                List.of())));
    }

    @Test
    void billsInForceThatLoopAreRefusedNamingThePathInsteadOfRecursingForever() {
        bill("TUBE", "1", false, List.of(component("CHAIR", "1", "0")), List.of());
        TesseraException e = assertThrows(TesseraException.class,
                () -> BomGraph.explode(source, bills.get("CHAIR"), BigDecimal.ONE, DAY));
        assertTrue(e.getMessage().contains("CHAIR → FRAME → TUBE → CHAIR"), e.getMessage());
    }

    @Test
    void sharedSubAssembliesThatWouldExplodeIntoMillionsOfLinesAreRefusedBeforeAnythingIsBuilt() {
        // 40 levels where each level's two items both need both items of the next: 2^40 paths, 81 bills
        for (int i = 40; i >= 1; i--) {
            List<BomComponent> next = i == 40 ? List.of(component("S1", "1", "0"))
                    : List.of(component("A" + (i + 1), "1", "0"), component("B" + (i + 1), "1", "0"));
            bill("A" + i, "1", false, next, List.of());
            bill("B" + i, "1", false, next, List.of());
        }
        long start = System.nanoTime();
        TesseraException e = assertThrows(TesseraException.class,
                () -> BomGraph.explode(source, bills.get("A1"), BigDecimal.ONE, DAY));
        assertEquals("manufacturing.explosion-too-large", e.code());
        assertThrows(TesseraException.class, () -> BomGraph.cost(source, bills.get("A1"), DAY));
        assertTrue(System.nanoTime() - start < 5_000_000_000L, "refused at once");
        // a small part of it still explodes: under A37, 2 + 4 + 8 items and 8 times the steel
        assertEquals(2 + 4 + 8 + 8, BomGraph.explode(source, bills.get("A37"), BigDecimal.ONE, DAY).lines()
                .size());
    }

    @Test
    void theUnitCostIsTheSumOfItsRoundedParts() {
        costs.put("S1", new BigDecimal("0.3333333"));
        CostRollup c = BomGraph.cost(source, bills.get("CHAIR"), DAY);
        assertEquals(0, c.unitCost().compareTo(c.materials().add(c.operations())));
    }

    private void bill(String sku, String output, boolean phantom, List<BomComponent> components,
                      List<BomOperation> operations) {
        bills.put(sku, new Bom(bills.size() + 1, sku, 1, DAY, new BigDecimal(output), phantom, null, components,
                operations, Instant.now(), "test"));
    }

    private static BomComponent component(String sku, String quantity, String scrap) {
        BigDecimal q = new BigDecimal(quantity);
        BigDecimal s = new BigDecimal(scrap);
        return new BomComponent(1, sku, q, s, BomGraph.gross(q, s));
    }

    private static BomOperation op(String center, String setup, String run, String fixed) {
        return new BomOperation(10, center, null, new BigDecimal(setup), new BigDecimal(run), new BigDecimal(fixed));
    }

    private static WorkCenter center(String code, String rate, String batch) {
        return new WorkCenter(code, code, new BigDecimal(rate), new BigDecimal(batch), new BigDecimal(8), true, 1,
                Instant.now(), "test");
    }
}
