package dev.tessera.erp.manufacturing.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntConsumer;

import dev.tessera.erp.manufacturing.api.Bom;
import dev.tessera.erp.manufacturing.api.BomComponent;
import dev.tessera.erp.manufacturing.api.PlannedOrderKind;

/**
 * The netting of an MRP run, without a database: items level by level (low-level codes), each netted per day
 * against its supply, its shortfalls becoming planned orders whose components are the next levels' demand on the
 * day the order starts. A phantom's shortfall plans nothing of its own: it passes on to its components that day.
 */
final class MrpPlanner {
    static final int PROGRESS_EVERY = 25;

    /** What the planner reads of the world. */
    interface Source {
        /** Every active item of the catalog. */
        List<String> items();

        Facts facts(String sku);

        /** The item's bill of materials in force today, if it has one. */
        Optional<Bom> bill(String sku);

        /** What comes in: open work orders' remaining output, open purchase orders, firmed planned purchases. */
        List<Dated> supply(String sku);

        /** What goes out: open sales order lines, open work orders' components still to issue. */
        List<Dated> demand(String sku);

        /** Days a MAKE of {@code quantity} takes at its bill's work centers. */
        int makeDays(Bom bill, BigDecimal quantity);

        /** The vendor a purchase of the item goes to and its lead time; empty when there is none (or no purchasing). */
        Optional<Vendor> vendor(String sku, BigDecimal quantity);

        /** Why there is no vendor for an item: a sentence for the planned order's note. */
        String noVendorReason();

        String defaultWarehouse();
    }

    /** The item's stock and planning parameters: on hand in every warehouse, safety stock, minimum lot, whole units. */
    record Facts(BigDecimal onHand, BigDecimal safetyStock, BigDecimal minimumLot, boolean wholeUnits) {
    }

    /** A quantity on a day (null: today), for a reference (an order's number, or what planned it). */
    record Dated(LocalDate date, BigDecimal quantity, String reference, String warehouse) {
    }

    record Vendor(String code, int leadDays) {
    }

    /** A planned order the run suggests. */
    record Planned(PlannedOrderKind kind, String sku, BigDecimal quantity, LocalDate start, LocalDate due,
                   String warehouse, int lowLevelCode, String vendorCode, String pegging, String note) {
    }

    private final Source source;
    private final LocalDate today;

    MrpPlanner(Source source, LocalDate today) {
        this.source = source;
        this.today = today;
    }

    /** Low-level codes: an item's deepest level below any item made of it in the bills in force (0: a top item). */
    static Map<String, Integer> lowLevelCodes(List<String> items, Map<String, Bom> bills) {
        Map<String, Integer> codes = new HashMap<>();
        for (String sku : items) {
            codes.putIfAbsent(sku, 0);
        }
        // relax along the bills until nothing deepens; the bills in force have no cycles (refused when made), so this
        // ends within as many rounds as the deepest bill has levels
        boolean changed = true;
        int rounds = 0;
        while (changed && rounds++ <= bills.size() + 1) {
            changed = false;
            for (Map.Entry<String, Bom> e : bills.entrySet()) {
                int parent = codes.getOrDefault(e.getKey(), 0);
                for (BomComponent c : e.getValue().components()) {
                    if (codes.getOrDefault(c.sku(), 0) < parent + 1) {
                        codes.put(c.sku(), parent + 1);
                        changed = true;
                    }
                }
            }
        }
        return codes;
    }

    List<Planned> plan(IntConsumer progress) {
        List<String> items = source.items();
        Map<String, Bom> bills = new LinkedHashMap<>();
        for (String sku : items) {
            source.bill(sku).ifPresent(b -> bills.put(sku, b));
        }
        Map<String, Integer> codes = lowLevelCodes(items, bills);
        List<String> ordered = new ArrayList<>(new LinkedHashSet<>(items));
        for (String sku : codes.keySet()) {
            if (!ordered.contains(sku)) {
                ordered.add(sku); // a component the catalog no longer lists as active still gets its demand netted
            }
        }
        ordered.sort(Comparator.comparing((String s) -> codes.getOrDefault(s, 0)).thenComparing(s -> s));
        Map<String, List<Dated>> dependent = new HashMap<>();
        List<Planned> planned = new ArrayList<>();
        int done = 0;
        for (String sku : ordered) {
            net(sku, bills.get(sku), codes.getOrDefault(sku, 0), dependent, planned);
            if (++done % PROGRESS_EVERY == 0) {
                progress.accept(done);
            }
        }
        progress.accept(done);
        return planned;
    }

    private void net(String sku, Bom bill, int level, Map<String, List<Dated>> dependent, List<Planned> planned) {
        Facts facts = source.facts(sku);
        TreeMap<LocalDate, List<Dated>> demand = new TreeMap<>();
        List<Dated> all = new ArrayList<>(source.demand(sku));
        all.addAll(dependent.getOrDefault(sku, List.of()));
        for (Dated d : all) {
            demand.computeIfAbsent(day(d.date()), k -> new ArrayList<>()).add(d);
        }
        demand.putIfAbsent(today, new ArrayList<>()); // safety stock is due today
        TreeMap<LocalDate, BigDecimal> supply = new TreeMap<>();
        for (Dated s : source.supply(sku)) {
            supply.merge(day(s.date()), s.quantity(), BigDecimal::add);
        }
        BigDecimal projected = facts.onHand().subtract(facts.safetyStock());
        for (Map.Entry<LocalDate, List<Dated>> day : demand.entrySet()) {
            LocalDate date = day.getKey();
            while (!supply.isEmpty() && !supply.firstKey().isAfter(date)) {
                projected = projected.add(supply.pollFirstEntry().getValue());
            }
            for (Dated d : day.getValue()) {
                projected = projected.subtract(d.quantity());
            }
            if (projected.signum() >= 0) {
                continue;
            }
            BigDecimal shortfall = projected.negate();
            String pegging = pegging(day.getValue(), facts, projected.add(sum(day.getValue())).signum() < 0);
            String warehouse = day.getValue().stream().map(Dated::warehouse).filter(w -> w != null).findFirst()
                    .orElse(source.defaultWarehouse());
            if (bill != null && bill.phantom()) {
                // a phantom is made with its parent: what is missing of it is missing of its components that day
                explode(bill, shortfall, date, sku + " (phantom, for " + pegging + ")", warehouse, dependent);
                projected = BigDecimal.ZERO;
                continue;
            }
            BigDecimal quantity = lot(shortfall, facts, bill);
            projected = projected.add(quantity);
            if (bill != null) {
                int days = source.makeDays(bill, quantity);
                LocalDate start = date.minusDays(days);
                String note = start.isBefore(today) ? late(start, days) : null;
                planned.add(new Planned(PlannedOrderKind.MAKE, sku, quantity, start, date, warehouse, level, null,
                        pegging, note));
                explode(bill, quantity, start.isBefore(today) ? today : start, "planned make of " + sku + " due "
                        + date, warehouse, dependent);
            } else {
                Optional<Vendor> vendor = source.vendor(sku, quantity);
                int days = vendor.map(Vendor::leadDays).orElse(0);
                LocalDate start = date.minusDays(days);
                String note = vendor.isEmpty() ? source.noVendorReason() : start.isBefore(today) ? late(start, days)
                        : null;
                planned.add(new Planned(PlannedOrderKind.BUY, sku, quantity, start, date, warehouse, level,
                        vendor.map(Vendor::code).orElse(null), pegging, note));
            }
        }
    }

    /** A shortfall rounded up: at least the minimum lot, whole batches of a bill, whole units of a counted item. */
    static BigDecimal lot(BigDecimal shortfall, Facts facts, Bom bill) {
        BigDecimal quantity = shortfall;
        if (facts.minimumLot() != null && facts.minimumLot().compareTo(quantity) > 0) {
            quantity = facts.minimumLot();
        }
        if (bill != null && bill.outputQuantity().signum() > 0) {
            quantity = quantity.divide(bill.outputQuantity(), BomGraph.MC).setScale(0, RoundingMode.CEILING)
                    .multiply(bill.outputQuantity());
        }
        quantity = quantity.setScale(facts.wholeUnits() ? 0 : 4, RoundingMode.CEILING);
        return quantity.stripTrailingZeros().scale() < 0 ? quantity.setScale(0) : quantity.stripTrailingZeros();
    }

    /** Each component of {@code quantity} made by the bill, with scrap, becomes demand on {@code day}. */
    private static void explode(Bom bill, BigDecimal quantity, LocalDate day, String reference, String warehouse,
                                Map<String, List<Dated>> dependent) {
        BigDecimal batches = quantity.divide(bill.outputQuantity(), BomGraph.MC);
        for (BomComponent c : bill.components()) {
            BigDecimal need = batches.multiply(c.grossQuantity(), BomGraph.MC).setScale(4, RoundingMode.CEILING);
            dependent.computeIfAbsent(c.sku(), k -> new ArrayList<>()).add(new Dated(day, need, reference,
                    warehouse));
        }
    }

    private String late(LocalDate start, int days) {
        return "late: with a lead time of " + days + " day" + (days == 1 ? "" : "s") + " it should have started on "
                + start + "; start it today";
    }

    private static String pegging(List<Dated> demand, Facts facts, boolean stockShort) {
        Set<String> refs = new LinkedHashSet<>();
        for (Dated d : demand) {
            refs.add(d.reference());
        }
        if (stockShort && facts.safetyStock().signum() > 0) {
            refs.add("safety stock " + BomStore.plain(facts.safetyStock()));
        } else if (refs.isEmpty()) {
            refs.add("safety stock " + BomStore.plain(facts.safetyStock()));
        }
        String text = String.join(", ", refs);
        return text.length() > 500 ? text.substring(0, 497) + "..." : text;
    }

    private static BigDecimal sum(List<Dated> demand) {
        return demand.stream().map(Dated::quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private LocalDate day(LocalDate date) {
        return date == null || date.isBefore(today) ? today : date;
    }
}
