package dev.tessera.erp.manufacturing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.tessera.erp.manufacturing.api.Bom;
import dev.tessera.erp.manufacturing.api.BomComponent;
import dev.tessera.erp.manufacturing.api.BomOperation;
import dev.tessera.erp.manufacturing.api.MrpMessageKind;

class MrpPlannerTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    private static final LocalDate D1 = TODAY.plusDays(10);
    private static final LocalDate D2 = TODAY.plusDays(20);

    /** A world in memory: items with stock and parameters, bills, supply and demand, vendors. */
    private static class World implements MrpPlanner.Source {
        final Map<String, MrpPlanner.Facts> facts = new HashMap<>();
        final Map<String, Bom> bills = new HashMap<>();
        final Map<String, List<MrpPlanner.Dated>> supply = new HashMap<>();
        final Map<String, List<MrpPlanner.Dated>> demand = new HashMap<>();
        final Map<String, MrpPlanner.Vendor> vendors = new HashMap<>();
        final Map<String, BigDecimal> minimums = new HashMap<>();

        World item(String sku, String onHand, String safety, String lot, boolean whole) {
            facts.put(sku, new MrpPlanner.Facts(new BigDecimal(onHand), new BigDecimal(safety),
                    lot == null ? null : new BigDecimal(lot), whole));
            return this;
        }

        World bill(String sku, String output, boolean phantom, List<BomComponent> components,
                   List<BomOperation> operations) {
            bills.put(sku, new Bom(bills.size() + 1, sku, 1, TODAY, new BigDecimal(output), phantom, null, components,
                    operations, null, "test"));
            return this;
        }

        World demand(String sku, LocalDate day, String quantity, String ref) {
            demand.computeIfAbsent(sku, k -> new ArrayList<>()).add(new MrpPlanner.Dated(day, new BigDecimal(quantity),
                    ref, "MAIN"));
            return this;
        }

        World supply(String sku, LocalDate day, String quantity, String ref) {
            supply.computeIfAbsent(sku, k -> new ArrayList<>()).add(new MrpPlanner.Dated(day, new BigDecimal(quantity),
                    ref, "MAIN"));
            return this;
        }

        @Override
        public List<String> items() {
            return facts.keySet().stream().sorted().toList();
        }

        @Override
        public MrpPlanner.Facts facts(String sku) {
            return facts.get(sku);
        }

        final Map<String, Bom> later = new HashMap<>();

        @Override
        public Optional<Bom> bill(String sku, LocalDate day) {
            Bom next = later.get(sku);
            return next != null && !day.isBefore(next.effectiveFrom()) ? Optional.of(next)
                    : Optional.ofNullable(bills.get(sku));
        }

        @Override
        public List<Bom> bills(String sku) {
            List<Bom> all = new ArrayList<>();
            Optional.ofNullable(bills.get(sku)).ifPresent(all::add);
            Optional.ofNullable(later.get(sku)).ifPresent(all::add);
            return all;
        }

        @Override
        public List<MrpPlanner.Dated> supply(String sku) {
            return supply.getOrDefault(sku, List.of());
        }

        @Override
        public List<MrpPlanner.Dated> demand(String sku) {
            return demand.getOrDefault(sku, List.of());
        }

        @Override
        public int makeDays(Bom bill, BigDecimal quantity) {
            // one work center of 8 hours a day
            BigDecimal hours = BigDecimal.ZERO;
            for (BomOperation op : bill.operations()) {
                hours = hours.add(op.setupHours()).add(op.runHoursPerUnit().multiply(quantity));
            }
            return hours.divide(new BigDecimal("8"), BomGraph.MC).setScale(0, java.math.RoundingMode.CEILING)
                    .intValue();
        }

        @Override
        public Optional<MrpPlanner.Vendor> vendor(String sku, BigDecimal quantity) {
            MrpPlanner.Vendor v = vendors.get(sku);
            return v == null ? Optional.empty() : Optional.of(new MrpPlanner.Vendor(v.code(), v.leadDays(),
                    quantity.max(minimums.getOrDefault(sku, BigDecimal.ZERO))));
        }

        @Override
        public String noVendorReason() {
            return "no vendor";
        }

        @Override
        public String defaultWarehouse() {
            return "MAIN";
        }
    }

    private static BomComponent component(String sku, String quantity, String scrap) {
        BigDecimal q = new BigDecimal(quantity);
        BigDecimal s = new BigDecimal(scrap);
        return new BomComponent(1, sku, q, s, BomGraph.gross(q, s));
    }

    private static BomOperation operation(String setup, String run) {
        return new BomOperation(10, "ASSEMBLY", null, new BigDecimal(setup), new BigDecimal(run), BigDecimal.ZERO);
    }

    private static String show(List<MrpPlanner.Planned> plan) {
        return plan.stream().map(p -> p.kind() + " " + p.sku() + " " + p.quantity().toPlainString() + " start "
                + p.start() + " due " + p.due() + " level " + p.lowLevelCode()).collect(Collectors.joining("\n"));
    }

    private static World bike() {
        World w = new World()
                .item("BIKE", "1", "0", null, true)
                .item("FRAME", "0", "0", null, true)
                .item("WHEEL", "4", "2", null, true)
                .item("TUBE", "0", "0", "10", false)
                .bill("BIKE", "1", false, List.of(component("FRAME", "1", "0"), component("WHEEL", "2", "0")),
                        List.of(operation("1", "2")))
                .bill("FRAME", "2", false, List.of(component("TUBE", "3", "10")), List.of())
                .demand("BIKE", D1, "5", "SO-1")
                .demand("BIKE", D2, "3", "SO-2");
        w.vendors.put("WHEEL", new MrpPlanner.Vendor("RIMS", 5, null));
        w.vendors.put("TUBE", new MrpPlanner.Vendor("STEEL", 3, null));
        return w;
    }

    @Test
    void twoSalesOrdersBecomePlannedOrdersLevelByLevelWithBatchesLotsAndLeadTimesAsComputedByHand() {
        List<MrpPlanner.Planned> plan = new MrpPlanner(bike(), TODAY).plan(done -> { });
        // BIKE: 1 on hand; 5 due D1 -> make 4 ((1 + 4 x 2) h / 8 h = 2 days); 3 due D2 -> make 3 ((1 + 6) / 8 = 1 day)
        // FRAME: 4 at D1-2 -> 2 batches of 2 = 4; 3 at D2-1 -> 2 batches = 4 (1 left over)
        // WHEEL: 4 on hand less 2 safety = 2; 8 at D1-2 -> buy 6; 6 at D2-1 -> buy 6 (5 days from RIMS)
        // TUBE: 2 batches x 3 x 1.1 = 6.6 at D1-2 -> at least 10; 6.6 at D2-1 with 3.4 left -> 3.2 short -> 10
        assertEquals(String.join("\n",
                "MAKE BIKE 4 start " + D1.minusDays(2) + " due " + D1 + " level 0",
                "MAKE BIKE 3 start " + D2.minusDays(1) + " due " + D2 + " level 0",
                "MAKE FRAME 4 start " + D1.minusDays(2) + " due " + D1.minusDays(2) + " level 1",
                "MAKE FRAME 4 start " + D2.minusDays(1) + " due " + D2.minusDays(1) + " level 1",
                "BUY WHEEL 6 start " + D1.minusDays(7) + " due " + D1.minusDays(2) + " level 1",
                "BUY WHEEL 6 start " + D2.minusDays(6) + " due " + D2.minusDays(1) + " level 1",
                "BUY TUBE 10 start " + D1.minusDays(5) + " due " + D1.minusDays(2) + " level 2",
                "BUY TUBE 10 start " + D2.minusDays(4) + " due " + D2.minusDays(1) + " level 2"), show(plan));
        assertEquals("SO-1", plan.get(0).pegging());
        assertEquals("RIMS", plan.get(4).vendorCode());
    }

    @Test
    void supplyOnTimeCoversDemandAndALateOneIsBroughtForwardRatherThanOrderedAgain() {
        World w = bike();
        w.supply("WHEEL", D1.minusDays(3), "6", "PO-1"); // in before the first make starts
        w.supply("BIKE", D2.plusDays(1), "3", "WO-9");  // a day after the second order is due
        MrpPlanner planner = new MrpPlanner(w, TODAY);
        List<MrpPlanner.Planned> plan = planner.plan(done -> { });
        // D1: 4 short; WO-9's 3 are brought forward to it, 1 is made ((1 + 2) h / 8 h: a day); D2: 3 made
        // wheels: 2 spare + PO-1's 6 cover the 2 and then the 6 the two makes take
        assertEquals(List.of(), plan.stream().filter(p -> p.sku().equals("WHEEL")).toList());
        assertEquals(List.of("MAKE BIKE 1 start " + D1.minusDays(1) + " due " + D1 + " level 0",
                "MAKE BIKE 3 start " + D2.minusDays(1) + " due " + D2 + " level 0"),
                plan.stream().filter(p -> p.sku().equals("BIKE")).map(p -> show(List.of(p))).toList());
        assertEquals(List.of("bring 3 of WO-9 forward from " + D2.plusDays(1) + " to " + D1),
                planner.messages().stream().map(MrpPlanner.Message::text).toList());
        assertEquals(MrpMessageKind.EXPEDITE, planner.messages().get(0).kind());
    }

    @Test
    void aPhantomPassesItsShortfallToItsComponentsAndPlansNothingOfItsOwn() {
        World w = new World()
                .item("KIT", "0", "0", null, true)
                .item("BAG", "5", "2", null, true)
                .item("SCREW", "0", "0", null, true)
                .bill("KIT", "1", false, List.of(component("BAG", "1", "0")), List.of())
                .bill("BAG", "1", true, List.of(component("SCREW", "4", "0")), List.of())
                .demand("KIT", D1, "3", "SO-7");
        List<MrpPlanner.Planned> plan = new MrpPlanner(w, TODAY).plan(done -> { });
        // KIT 3; BAG, a phantom: made inside the kit, its 5 on hand and reorder point 2 do not count -> SCREW 12
        // on the same day; no vendor -> lead 0 and a note
        assertEquals(String.join("\n",
                "MAKE KIT 3 start " + D1 + " due " + D1 + " level 0",
                "BUY SCREW 12 start " + D1 + " due " + D1 + " level 2"), show(plan));
        assertEquals("no vendor", plan.get(1).note());
        assertTrue(plan.get(1).pegging().contains("BAG"), plan.get(1).pegging());
    }

    @Test
    void stockBelowSafetyIsReplenishedTodayAndALateStartSaysSo() {
        World w = new World().item("OIL", "2", "5", null, false).demand("OIL", TODAY.plusDays(1), "1", "SO-3");
        w.vendors.put("OIL", new MrpPlanner.Vendor("LUBE", 4, null));
        List<MrpPlanner.Planned> plan = new MrpPlanner(w, TODAY).plan(done -> { });
        assertEquals(String.join("\n",
                "BUY OIL 3 start " + TODAY.minusDays(4) + " due " + TODAY + " level 0",
                "BUY OIL 1 start " + TODAY.minusDays(3) + " due " + TODAY.plusDays(1) + " level 0"), show(plan));
        assertTrue(plan.get(0).pegging().contains("safety stock 5"), plan.get(0).pegging());
        assertTrue(plan.get(0).note().startsWith("late"), plan.get(0).note());
    }

    @Test
    void aPurchaseBelowEveryVendorMinimumRisesToItAndTheSurplusCountsLater() {
        World w = new World().item("INK", "0", "0", null, false)
                .demand("INK", D1, "3", "SO-4").demand("INK", D2, "4", "SO-5");
        w.vendors.put("INK", new MrpPlanner.Vendor("PAINT", 2, null));
        w.minimums.put("INK", new BigDecimal("5"));
        List<MrpPlanner.Planned> plan = new MrpPlanner(w, TODAY).plan(done -> { });
        // 3 short -> the vendor sells 5 at least; 2 left for the 4 of D2 -> 2 short -> 5 again
        assertEquals(String.join("\n",
                "BUY INK 5 start " + D1.minusDays(2) + " due " + D1 + " level 0",
                "BUY INK 5 start " + D2.minusDays(2) + " due " + D2 + " level 0"), show(plan));
    }

    @Test
    void anInactiveComponentWithABillOfItsOwnIsStillMadeFromItsComponents() {
        World w = new World().item("CUP", "0", "0", null, true)
                .bill("CUP", "1", false, List.of(component("HANDLE", "1", "0")), List.of())
                .bill("HANDLE", "1", false, List.of(component("CLAY", "0.2", "0")), List.of())
                .demand("CUP", D1, "10", "SO-6");
        // HANDLE and CLAY are not among the catalog's active items (World.items lists only CUP)
        w.facts.put("HANDLE", new MrpPlanner.Facts(BigDecimal.ZERO, BigDecimal.ZERO, null, true));
        w.facts.put("CLAY", new MrpPlanner.Facts(BigDecimal.ZERO, BigDecimal.ZERO, null, false));
        World only = new World() {
            @Override
            public List<String> items() {
                return List.of("CUP");
            }
        };
        only.facts.putAll(w.facts);
        only.bills.putAll(w.bills);
        only.demand.putAll(w.demand);
        List<MrpPlanner.Planned> plan = new MrpPlanner(only, TODAY).plan(done -> { });
        assertEquals(String.join("\n",
                "MAKE CUP 10 start " + D1 + " due " + D1 + " level 0",
                "MAKE HANDLE 10 start " + D1 + " due " + D1 + " level 1",
                "BUY CLAY 2 start " + D1 + " due " + D1 + " level 2"), show(plan));
    }

    @Test
    void aMakeStartingAfterANewRevisionTakesEffectIsExplodedFromThatRevisionAndItsNewComponentGetsALevel() {
        World w = new World().item("SCOOT", "0", "0", null, true).item("DECK", "0", "0", null, true)
                .bill("SCOOT", "1", false, List.of(component("DECK", "1", "0")), List.of())
                .demand("SCOOT", D2, "9", "SO-8");
        w.later.put("SCOOT", new Bom(9, "SCOOT", 2, D1, BigDecimal.ONE, false, null,
                List.of(component("DECK", "2", "0"), component("WHEEL", "2", "0")), List.of(), null, "test"));
        w.item("WHEEL", "0", "0", null, true);
        List<MrpPlanner.Planned> plan = new MrpPlanner(w, TODAY).plan(done -> { });
        assertEquals(String.join("\n",
                "MAKE SCOOT 9 start " + D2 + " due " + D2 + " level 0",
                "BUY DECK 18 start " + D2 + " due " + D2 + " level 1",
                "BUY WHEEL 18 start " + D2 + " due " + D2 + " level 1"), show(plan));
    }

    @Test
    void aLeadTimeBeyondTenYearsIsCappedAndSaysSoInsteadOfFailingTheRun() {
        World w = new World() {
            @Override
            public int makeDays(Bom bill, BigDecimal quantity) {
                return 1_000_000;
            }
        };
        w.item("SLOW", "0", "0", null, true).bill("SLOW", "1", false, List.of(), List.of())
                .demand("SLOW", D1, "1", "SO-9");
        List<MrpPlanner.Planned> plan = new MrpPlanner(w, TODAY).plan(done -> { });
        assertEquals(D1.minusDays(MrpPlanner.MAX_LEAD_DAYS), plan.get(0).start());
        assertTrue(plan.get(0).note().startsWith("lead time capped"), plan.get(0).note());
    }

    @Test
    void anItemThatCannotBePlannedIsNamedAndTheOthersArePlanned() {
        World w = new World() {
            @Override
            public MrpPlanner.Facts facts(String sku) {
                if (sku.equals("BROKEN")) {
                    throw new IllegalStateException("no stock answer");
                }
                return super.facts(sku);
            }
        };
        w.item("BROKEN", "0", "0", null, true).item("FINE", "0", "0", null, true)
                .demand("BROKEN", D1, "1", "SO-10").demand("FINE", D1, "2", "SO-11");
        MrpPlanner planner = new MrpPlanner(w, TODAY);
        List<MrpPlanner.Planned> plan = planner.plan(done -> { });
        assertEquals(List.of("FINE"), plan.stream().map(MrpPlanner.Planned::sku).toList());
        assertEquals(List.of("BROKEN (no stock answer)"), planner.failures());
        assertEquals(java.util.Set.of("BROKEN"), planner.skipped());
    }

    @Test
    void anOrderOnItsWayBeyondTheReschedulingHorizonIsNotBroughtForwardAndANewOneIsPlanned() {
        World w = new World().item("GLUE", "0", "0", null, false).demand("GLUE", D1, "5", "SO-12")
                .supply("GLUE", D1.plusDays(MrpPlanner.RESCHEDULE_DAYS + 1), "5", "PO-7");
        w.vendors.put("GLUE", new MrpPlanner.Vendor("CHEM", 2, null));
        MrpPlanner planner = new MrpPlanner(w, TODAY);
        List<MrpPlanner.Planned> plan = planner.plan(done -> { });
        assertEquals("BUY GLUE 5 start " + D1.minusDays(2) + " due " + D1 + " level 0", show(plan));
        assertEquals(List.of(), planner.messages());
    }

    @Test
    void anItemWhoseFirstBillTakesEffectLaterIsBoughtBeforeAndMadeAfter() {
        World w = new World().item("LAMP", "0", "0", null, true).item("BULB", "0", "0", null, true)
                .demand("LAMP", D1, "2", "SO-13").demand("LAMP", D2, "3", "SO-14");
        // no bill today; from D1 + 1 on it is made of a bulb
        w.later.put("LAMP", new Bom(7, "LAMP", 1, D1.plusDays(1), BigDecimal.ONE, false, null,
                List.of(component("BULB", "1", "0")), List.of(), null, "test"));
        w.vendors.put("LAMP", new MrpPlanner.Vendor("LIGHT", 0, null));
        List<MrpPlanner.Planned> plan = new MrpPlanner(w, TODAY).plan(done -> { });
        assertEquals(String.join("\n",
                "BUY LAMP 2 start " + D1 + " due " + D1 + " level 0",
                "MAKE LAMP 3 start " + D2 + " due " + D2 + " level 0",
                "BUY BULB 3 start " + D2 + " due " + D2 + " level 1"), show(plan));
    }

    @Test
    void whenAMadeItemCannotBePlannedItsComponentsKeepTheirLastPlanToo() {
        World w = new World() {
            @Override
            public int makeDays(Bom bill, BigDecimal quantity) {
                throw new IllegalArgumentException("no hours");
            }
        };
        w.item("BIKE", "0", "0", null, true).item("WHEEL", "0", "0", null, true).item("OIL", "0", "0", null, false)
                .bill("BIKE", "1", false, List.of(component("WHEEL", "2", "0")), List.of())
                .demand("BIKE", D1, "1", "SO-15").demand("OIL", D1, "1", "SO-16");
        MrpPlanner planner = new MrpPlanner(w, TODAY);
        List<MrpPlanner.Planned> plan = planner.plan(done -> { });
        assertEquals(List.of("OIL"), plan.stream().map(MrpPlanner.Planned::sku).toList());
        assertEquals(java.util.Set.of("BIKE", "WHEEL"), planner.skipped());
        assertTrue(planner.failures().get(1).contains("made into BIKE"), planner.failures().toString());
    }

    @Test
    void aFailingDatabaseFailsTheWholeRunRatherThanOneItem() {
        World w = new World() {
            @Override
            public MrpPlanner.Facts facts(String sku) {
                throw new dev.tessera.platform.api.TesseraException("platform.persistence-failed",
                        dev.tessera.platform.api.ErrorKind.UNAVAILABLE, "The database refused", null);
            }
        };
        w.item("ANY", "0", "0", null, true);
        org.junit.jupiter.api.Assertions.assertThrows(dev.tessera.platform.api.TesseraException.class,
                () -> new MrpPlanner(w, TODAY).plan(done -> { }));
    }

    @Test
    void lowLevelCodesTakeTheDeepestUse() {
        Map<String, List<Bom>> bills = new HashMap<>();
        bills.put("A", List.of(new Bom(1, "A", 1, TODAY, BigDecimal.ONE, false, null,
                List.of(component("B", "1", "0"), component("C", "1", "0")), List.of(), null, "t")));
        bills.put("B", List.of(new Bom(2, "B", 1, TODAY, BigDecimal.ONE, false, null, List.of(component("C", "1", "0")),
                List.of(), null, "t")));
        Map<String, Integer> codes = MrpPlanner.lowLevelCodes(List.of("A", "B", "C"), bills);
        assertEquals(Map.of("A", 0, "B", 1, "C", 2), codes);
    }
}
