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
import dev.tessera.erp.manufacturing.api.MrpMessageKind;
import dev.tessera.erp.manufacturing.api.PlannedOrderKind;
import dev.tessera.platform.api.ErrorKind;
import dev.tessera.platform.api.TesseraException;

/**
 * The netting of an MRP run, without a database: items level by level (low-level codes), each netted per day
 * against its supply, its shortfalls becoming planned orders whose components are the next levels' demand on the
 * day the order starts. A phantom's shortfall plans nothing of its own: it passes on to its components that day.
 */
final class MrpPlanner {
    static final int PROGRESS_EVERY = 25;
    /** The longest lead time a plan takes, ten years: beyond it a bill's times or a work center's hours are off. */
    static final int MAX_LEAD_DAYS = 3650;
    /** The most a planned order holds (its table keeps 15 digits before the point). */
    static final BigDecimal MAX_QUANTITY = new BigDecimal("1000000000000");
    /** How far after the day it is needed an order on its way is brought forward rather than ordered again. */
    static final int RESCHEDULE_DAYS = 30;

    /** What the planner reads of the world. */
    interface Source {
        /** Every active item of the catalog. */
        List<String> items();

        Facts facts(String sku);

        /** The item's bill of materials in force on {@code day}, if it has one. */
        Optional<Bom> bill(String sku, LocalDate day);

        /** The item's bill in force today and the revisions that take effect later, oldest first. */
        List<Bom> bills(String sku);

        /** What comes in: open work orders' remaining output, open purchase orders, firmed planned purchases. */
        List<Dated> supply(String sku);

        /** What goes out: open sales order lines, open work orders' components still to issue. */
        List<Dated> demand(String sku);

        /** Days a MAKE of {@code quantity} takes at its bill's work centers (more than MAX_LEAD_DAYS: capped). */
        int makeDays(Bom bill, BigDecimal quantity);

        /**
         * The vendor a purchase of {@code quantity} of the item goes to, its lead time and the quantity it sells;
         * empty when there is none (or no purchasing).
         */
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

    /** The vendor a purchase goes to, its lead time, and the quantity it sells (at least what was asked). */
    record Vendor(String code, int leadDays, BigDecimal quantity) {
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
    static Map<String, Integer> lowLevelCodes(List<String> items, Map<String, List<Bom>> bills) {
        Map<String, Integer> codes = new HashMap<>();
        for (String sku : items) {
            codes.putIfAbsent(sku, 0);
        }
        // relax along the bills until nothing deepens; the bills in force have no cycles (refused when made), so this
        // ends within as many rounds as the deepest bill has levels
        boolean changed = true;
        int rounds = 0;
        while (changed && rounds++ <= codes.size() + 1) {
            changed = false;
            for (Map.Entry<String, List<Bom>> e : bills.entrySet()) {
                int parent = codes.getOrDefault(e.getKey(), 0);
                for (Bom bill : e.getValue()) {
                    for (BomComponent c : bill.components()) {
                        if (codes.getOrDefault(c.sku(), 0) < parent + 1) {
                            codes.put(c.sku(), parent + 1);
                            changed = true;
                        }
                    }
                }
            }
        }
        return codes;
    }

    /** Items that could not be planned, with the reason: a run plans the others and says so. */
    private final List<String> failures = new ArrayList<>();

    /** What a run tells the planner besides its planned orders. */
    record Message(MrpMessageKind kind, String sku, String reference, BigDecimal quantity, LocalDate dueDate,
                   LocalDate neededDate, String text) {
    }

    private final List<Message> messages = new ArrayList<>();
    /** Items not planned (failed, or made into an item that failed): the previous run's plan of them stays. */
    private final Set<String> skipped = new LinkedHashSet<>();
    private final Set<String> netted = new LinkedHashSet<>();

    List<Message> messages() {
        return List.copyOf(messages);
    }

    Set<String> skipped() {
        return Set.copyOf(skipped);
    }

    List<String> failures() {
        return failures;
    }

    List<Planned> plan(IntConsumer progress) {
        // every item of the catalog, and every component of their bills in force today or later (an inactive one
        // too: it is still needed)
        Set<String> ordered = new LinkedHashSet<>(source.items());
        Map<String, List<Bom>> revisions = new LinkedHashMap<>();
        java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(ordered);
        while (!todo.isEmpty()) {
            String sku = todo.poll();
            List<Bom> bills = source.bills(sku);
            if (!bills.isEmpty()) {
                revisions.put(sku, bills);
                for (Bom b : bills) {
                    for (BomComponent c : b.components()) {
                        if (ordered.add(c.sku())) {
                            todo.add(c.sku());
                        }
                    }
                }
            }
        }
        Map<String, Integer> codes = lowLevelCodes(new ArrayList<>(ordered), revisions);
        List<String> byLevel = new ArrayList<>(ordered);
        byLevel.sort(Comparator.comparing((String s) -> codes.getOrDefault(s, 0)).thenComparing(s -> s));
        Map<String, Set<String>> parents = new HashMap<>();
        revisions.forEach((parent, bills) -> bills.forEach(b -> b.components().forEach(c -> parents.computeIfAbsent(
                c.sku(), k -> new LinkedHashSet<>()).add(parent))));
        Map<String, List<Dated>> dependent = new HashMap<>();
        List<Planned> planned = new ArrayList<>();
        int done = 0;
        for (String sku : byLevel) {
            Optional<String> failedParent = parents.getOrDefault(sku, Set.of()).stream().filter(skipped::contains)
                    .findFirst();
            if (failedParent.isPresent()) {
                // what it needs of this item is not known: it keeps its last plan too
                fail(sku, "made into " + failedParent.get() + ", which is not planned");
            } else {
                List<Planned> mine = new ArrayList<>();
                Map<String, List<Dated>> theirs = new HashMap<>();
                try {
                    net(sku, codes.getOrDefault(sku, 0), dependent, mine, theirs);
                    for (String component : theirs.keySet()) {
                        if (netted.contains(component) || component.equals(sku)) {
                            throw new IllegalStateException("its bills of different revisions and " + component
                                    + "'s form a loop, so " + component + " was planned before all its demand was"
                                    + " known; make a new revision of one of them");
                        }
                    }
                    planned.addAll(mine);
                    theirs.forEach((c, d) -> dependent.computeIfAbsent(c, k -> new ArrayList<>()).addAll(d));
                } catch (TesseraException e) {
                    if (e.kind() == ErrorKind.INTERNAL || e.kind() == ErrorKind.UNAVAILABLE
                            || e.code().startsWith("platform.")) {
                        throw e; // the database or a module is failing: the run fails, nothing of it is kept
                    }
                    fail(sku, e.getMessage() + " [" + e.code() + "]");
                } catch (RuntimeException e) {
                    fail(sku, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
                }
                netted.add(sku);
            }
            if (++done % PROGRESS_EVERY == 0) {
                progress.accept(done);
            }
        }
        progress.accept(done);
        return planned;
    }

    private void fail(String sku, String why) {
        skipped.add(sku);
        failures.add(sku + " (" + why + ")");
        messages.add(new Message(MrpMessageKind.NOT_PLANNED, sku, null, null, null, null, why));
    }

    private void net(String sku, int level, Map<String, List<Dated>> dependent, List<Planned> planned,
                     Map<String, List<Dated>> theirs) {
        Facts facts = source.facts(sku);
        Bom current = source.bill(sku, today).orElse(null);
        if (current != null && current.phantom()) {
            // a phantom is never put into stock or taken out of it: work orders make it inside its parent, from its
            // components, so its stock and reorder point do not count
            facts = new Facts(BigDecimal.ZERO, BigDecimal.ZERO, null, facts.wholeUnits());
        }
        TreeMap<LocalDate, List<Dated>> demand = new TreeMap<>();
        List<Dated> all = new ArrayList<>(source.demand(sku));
        all.addAll(dependent.getOrDefault(sku, List.of()));
        for (Dated d : all) {
            demand.computeIfAbsent(day(d.date()), k -> new ArrayList<>()).add(d);
        }
        demand.putIfAbsent(today, new ArrayList<>()); // safety stock is due today
        List<Dated> supply = new ArrayList<>(source.supply(sku));
        supply.sort(Comparator.comparing((Dated d) -> day(d.date())).thenComparing(d -> String.valueOf(d.reference())));
        BigDecimal[] left = supply.stream().map(Dated::quantity).toArray(BigDecimal[]::new);
        int arrived = 0;
        BigDecimal projected = facts.onHand().subtract(facts.safetyStock());
        for (Map.Entry<LocalDate, List<Dated>> day : demand.entrySet()) {
            LocalDate date = day.getKey();
            while (arrived < supply.size() && !day(supply.get(arrived).date()).isAfter(date)) {
                projected = projected.add(left[arrived]);
                left[arrived] = BigDecimal.ZERO;
                arrived++;
            }
            for (Dated d : day.getValue()) {
                projected = projected.subtract(d.quantity());
            }
            // an order already on its way but due later (within the rescheduling horizon) is brought forward before
            // anything new is planned
            for (int k = arrived; k < supply.size() && projected.signum() < 0; k++) {
                LocalDate due = day(supply.get(k).date());
                if (left[k].signum() <= 0 || due.isAfter(date.plusDays(RESCHEDULE_DAYS))) {
                    continue;
                }
                BigDecimal take = left[k].min(projected.negate());
                projected = projected.add(take);
                left[k] = left[k].subtract(take);
                messages.add(new Message(MrpMessageKind.EXPEDITE, sku, supply.get(k).reference(), take, due, date,
                        "bring " + BomStore.plain(take) + " of " + supply.get(k).reference() + " forward from " + due
                        + " to " + date));
            }
            if (projected.signum() >= 0) {
                continue;
            }
            BigDecimal shortfall = projected.negate();
            String pegging = pegging(day.getValue(), facts, projected.add(sum(day.getValue())).signum() < 0);
            String warehouse = day.getValue().stream().map(Dated::warehouse).filter(w -> w != null).findFirst()
                    .orElse(source.defaultWarehouse());
            // made or bought, phantom or not: as the bill in force on the day it is needed says
            Bom bill = source.bill(sku, date).orElse(null);
            if (bill != null && bill.phantom()) {
                // a phantom is made with its parent: what is missing of it is missing of its components that day
                explode(bill, shortfall, date, sku + " (phantom, for " + pegging + ")", warehouse, theirs);
                projected = BigDecimal.ZERO;
                continue;
            }
            BigDecimal quantity = lot(shortfall, facts, bill);
            if (quantity.compareTo(MAX_QUANTITY) > 0) {
                throw new IllegalArgumentException("it would need " + BomStore.plain(quantity) + " on " + date
                        + ", more than a planned order holds (" + BomStore.plain(MAX_QUANTITY) + "): check the"
                        + " quantities of the bills it is in, its reorder point and the orders for it");
            }
            projected = projected.add(quantity);
            if (bill != null) {
                int made = source.makeDays(bill, quantity);
                int days = Math.min(made, MAX_LEAD_DAYS);
                LocalDate start = date.minusDays(days);
                String note = made > MAX_LEAD_DAYS ? capped("its bill's operations at their work centers' hours a day")
                        : start.isBefore(today) ? late(start, days) : null;
                planned.add(new Planned(PlannedOrderKind.MAKE, sku, quantity, start, date, warehouse, level, null,
                        pegging, note));
                // made from the revision in force when it starts
                LocalDate from = start.isBefore(today) ? today : start;
                explode(source.bill(sku, from).orElse(bill), quantity, from, "planned make of " + sku + " due " + date,
                        warehouse, theirs);
            } else {
                Optional<Vendor> vendor = source.vendor(sku, quantity);
                if (vendor.isPresent() && vendor.get().quantity().compareTo(quantity) > 0) {
                    // below every minimum the vendors sell: their smallest minimum
                    projected = projected.add(vendor.get().quantity().subtract(quantity));
                    quantity = vendor.get().quantity();
                }
                int lead = vendor.map(Vendor::leadDays).orElse(0);
                int days = Math.min(Math.max(lead, 0), MAX_LEAD_DAYS);
                LocalDate start = date.minusDays(days);
                String note = vendor.isEmpty() ? source.noVendorReason() : lead > MAX_LEAD_DAYS
                        ? capped("the vendor's lead time") : start.isBefore(today) ? late(start, days) : null;
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

    private static String capped(String what) {
        return "lead time capped at " + MAX_LEAD_DAYS + " days: " + what + " give more; check them";
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
