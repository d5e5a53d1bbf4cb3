package dev.tessera.erp.manufacturing.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import dev.tessera.erp.manufacturing.api.Bom;
import dev.tessera.erp.manufacturing.api.BomComponent;
import dev.tessera.erp.manufacturing.api.BomOperation;
import dev.tessera.erp.manufacturing.api.CostLine;
import dev.tessera.erp.manufacturing.api.CostRollup;
import dev.tessera.erp.manufacturing.api.Explosion;
import dev.tessera.erp.manufacturing.api.ExplosionLine;
import dev.tessera.erp.manufacturing.api.ManufacturingErrors;
import dev.tessera.erp.manufacturing.api.Requirement;
import dev.tessera.erp.manufacturing.api.Supply;
import dev.tessera.erp.manufacturing.api.WorkCenter;
import dev.tessera.platform.api.TesseraException;

/**
 * Bills of materials as a graph: explosion, cost roll-up and cycle search, over whatever supplies the bills in force,
 * the costs of bought items and the work centers. Arithmetic runs at 34 significant digits; quantities come out with
 * at most 10 decimals, costs with 6.
 */
final class BomGraph {
    static final MathContext MC = MathContext.DECIMAL128;
    /** The most lines one explosion or cost roll-up lists. */
    static final int MAX_LINES = 5000;

    /** What the graph reads: the bills in force on the day, bought items' costs, work centers. */
    interface Source {
        Optional<Bom> bom(String sku);

        /** The cost of one unit of a bought item, or null when nobody knows it. */
        BoughtCost bought(String sku);

        WorkCenter center(String code);
    }

    /** A bought item's unit cost and where it came from ("standard cost", "average of 12 on hand"). */
    record BoughtCost(BigDecimal unitCost, String source) {
    }

    private BomGraph() {
    }

    static BigDecimal gross(BigDecimal quantity, BigDecimal scrapPercent) {
        return quantity.add(quantity.multiply(scrapPercent).divide(Checks.HUNDRED, MC)).stripTrailingZeros();
    }

    static BigDecimal quantity(BigDecimal value) {
        return BomStore.plain(value.setScale(10, RoundingMode.HALF_UP));
    }

    static BigDecimal money(BigDecimal value) {
        return value.setScale(6, RoundingMode.HALF_UP);
    }


    // ================================================================ explosion

    static Explosion explode(Source source, Bom top, BigDecimal quantity, LocalDate date) {
        limit(source, top, false, "explosion");
        List<ExplosionLine> lines = new ArrayList<>();
        Map<String, BigDecimal[]> needs = new LinkedHashMap<>();
        Deque<String> path = new ArrayDeque<>(List.of(top.sku()));
        explode(source, top, top.sku(), 1, quantity, quantity, lines, needs, path);
        List<Requirement> requirements = new ArrayList<>();
        needs.forEach((sku, q) -> requirements.add(new Requirement(sku, quantity(q[0]), quantity(q[1]))));
        return new Explosion(top.sku(), BomStore.plain(quantity), date, top.revision(), lines, requirements);
    }

    private static void explode(Source source, Bom bom, String path, int level, BigDecimal quantity,
                                BigDecimal net, List<ExplosionLine> lines, Map<String, BigDecimal[]> needs,
                                Deque<String> onPath) {
        BigDecimal batches = quantity.divide(bom.outputQuantity(), MC);
        BigDecimal netBatches = net.divide(bom.outputQuantity(), MC);
        for (BomComponent c : bom.components()) {
            BigDecimal need = batches.multiply(c.grossQuantity(), MC);
            BigDecimal netNeed = netBatches.multiply(c.quantity(), MC);
            String childPath = path + "/" + c.sku();
            Optional<Bom> sub = source.bom(c.sku());
            Supply supply = sub.isEmpty() ? Supply.BOUGHT : sub.get().phantom() ? Supply.PHANTOM : Supply.MADE;
            lines.add(new ExplosionLine(level, childPath, bom.sku(), c.sku(), quantity(need), supply,
                    sub.map(Bom::revision).orElse(null)));
            if (sub.isPresent()) {
                enter(onPath, c.sku());
                explode(source, sub.get(), childPath, level + 1, need, netNeed, lines, needs, onPath);
                onPath.removeLast();
            } else {
                BigDecimal[] sum = needs.computeIfAbsent(c.sku(), k -> new BigDecimal[] {BigDecimal.ZERO,
                        BigDecimal.ZERO});
                sum[0] = sum[0].add(need, MC);
                sum[1] = sum[1].add(netNeed, MC);
            }
        }
    }

    /** Guards against a cycle that dated revisions could still form: the bill path is named, never looped. */
    private static void enter(Deque<String> onPath, String sku) {
        if (onPath.contains(sku)) {
            List<String> cycle = new ArrayList<>(onPath);
            cycle.add(sku);
            throw new TesseraException(ManufacturingErrors.BOM_CYCLE, "The bills of materials in force form a cycle: "
                    + String.join(" → ", cycle.subList(cycle.indexOf(sku), cycle.size()))
                    + "; make a new revision of one of them without the other");
        }
        onPath.addLast(sku);
    }

    // ================================================================ cost roll-up

    static CostRollup cost(Source source, Bom top, LocalDate date) {
        limit(source, top, true, "cost roll-up");
        List<CostLine> lines = new ArrayList<>();
        Set<String> uncosted = new TreeSet<>();
        Deque<String> path = new ArrayDeque<>(List.of(top.sku()));
        BigDecimal[] unit = roll(source, top, top.sku(), 1, BigDecimal.ONE, lines, uncosted, path);
        BigDecimal materials = money(unit[0]);
        BigDecimal operations = money(unit[1]);
        return new CostRollup(top.sku(), date, top.revision(), materials.add(operations), materials, operations,
                lines, List.copyOf(uncosted));
    }

    /**
     * Refuses, before building anything, an answer of more than {@link #MAX_LINES} lines: a sub-assembly used in many
     * places of a deep bill repeats under each, so the lines can grow far beyond the number of bills.
     */
    private static void limit(Source source, Bom top, boolean operations, String what) {
        long lines = count(source, top, operations, new java.util.HashMap<>(), new ArrayDeque<>(List.of(top.sku())));
        if (lines > MAX_LINES) {
            throw new TesseraException(ManufacturingErrors.TOO_LARGE, "The " + what + " of " + top.sku() + " would"
                    + " list " + (lines == Long.MAX_VALUE ? "billions of" : "" + lines) + " lines, more than "
                    + MAX_LINES + ": its sub-assemblies repeat under many parents; take the " + what + " of its"
                    + " sub-assemblies one by one");
        }
    }

    /** The lines under a bill, each sub-bill counted once however often it is used; saturates at Long.MAX_VALUE. */
    private static long count(Source source, Bom bom, boolean operations, Map<String, Long> memo,
                              Deque<String> onPath) {
        long lines = operations ? bom.operations().size() : 0;
        for (BomComponent c : bom.components()) {
            lines = add(lines, 1);
            Optional<Bom> sub = source.bom(c.sku());
            if (sub.isPresent()) {
                Long known = memo.get(c.sku());
                if (known == null) {
                    enter(onPath, c.sku());
                    known = count(source, sub.get(), operations, memo, onPath);
                    onPath.removeLast();
                    memo.put(c.sku(), known);
                }
                lines = add(lines, known);
            }
        }
        return lines;
    }

    private static long add(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }

    /** The materials and operations cost of one unit of the bill's item; lines per unit of the top item. */
    private static BigDecimal[] roll(Source source, Bom bom, String path, int level, BigDecimal perTop,
                                     List<CostLine> lines, Set<String> uncosted, Deque<String> onPath) {
        BigDecimal materials = BigDecimal.ZERO;
        BigDecimal operations = BigDecimal.ZERO;
        BigDecimal output = bom.outputQuantity();
        for (BomComponent c : bom.components()) {
            BigDecimal perUnit = c.grossQuantity().divide(output, MC);
            BigDecimal quantity = perTop.multiply(perUnit, MC);
            String childPath = path + "/" + c.sku();
            Optional<Bom> sub = source.bom(c.sku());
            if (sub.isPresent()) {
                int at = lines.size();
                lines.add(null);
                enter(onPath, c.sku());
                BigDecimal[] unit = roll(source, sub.get(), childPath, level + 1, quantity, lines, uncosted, onPath);
                onPath.removeLast();
                lines.set(at, new CostLine(level, childPath, c.sku(), null,
                        sub.get().phantom() ? Supply.PHANTOM : Supply.MADE, quantity(quantity),
                        money(unit[0].add(unit[1])), money(quantity.multiply(unit[0], MC)),
                        money(quantity.multiply(unit[1], MC)), "rolled up from its bill of materials, revision "
                        + sub.get().revision()));
                materials = materials.add(perUnit.multiply(unit[0], MC), MC);
                operations = operations.add(perUnit.multiply(unit[1], MC), MC);
            } else {
                BoughtCost cost = source.bought(c.sku());
                BigDecimal each = cost == null ? BigDecimal.ZERO : cost.unitCost();
                if (cost == null) {
                    uncosted.add(c.sku());
                }
                lines.add(new CostLine(level, childPath, c.sku(), null, Supply.BOUGHT, quantity(quantity),
                        money(each), money(quantity.multiply(each, MC)), money(BigDecimal.ZERO),
                        cost == null ? "no cost known: counted as 0" : cost.source()));
                materials = materials.add(perUnit.multiply(each, MC), MC);
            }
        }
        for (BomOperation op : bom.operations()) {
            WorkCenter center = source.center(op.workCenter());
            BigDecimal rate = center.costPerHour();
            BigDecimal perBatch = op.setupHours().multiply(rate, MC).add(center.costPerBatch()).add(op.fixedCost());
            BigDecimal each = perBatch.divide(output, MC).add(op.runHoursPerUnit().multiply(rate, MC), MC);
            BigDecimal hours = op.setupHours().divide(output, MC).add(op.runHoursPerUnit(), MC);
            lines.add(new CostLine(level, path + "#" + op.sequence(), null, center.code(), null,
                    quantity(perTop.multiply(hours, MC)), money(rate), money(BigDecimal.ZERO),
                    money(perTop.multiply(each, MC)), describe(op, center, output)));
            operations = operations.add(each, MC);
        }
        return new BigDecimal[] {materials, operations};
    }

    private static String describe(BomOperation op, WorkCenter center, BigDecimal output) {
        StringBuilder text = new StringBuilder(op.description() == null ? "operation " + op.sequence()
                : op.description());
        text.append(" at ").append(center.code()).append(": ").append(plain(center.costPerHour())).append("/h");
        if (center.costPerBatch().signum() != 0 || op.fixedCost().signum() != 0 || op.setupHours().signum() != 0) {
            text.append(", per batch of ").append(plain(output)).append(':');
            if (op.setupHours().signum() != 0) {
                text.append(" setup ").append(plain(op.setupHours())).append(" h");
            }
            if (center.costPerBatch().signum() != 0) {
                text.append(" center ").append(plain(center.costPerBatch()));
            }
            if (op.fixedCost().signum() != 0) {
                text.append(" fixed ").append(plain(op.fixedCost()));
            }
        }
        if (op.runHoursPerUnit().signum() != 0) {
            text.append(", run ").append(plain(op.runHoursPerUnit())).append(" h a unit");
        }
        return text.toString();
    }

    private static String plain(BigDecimal value) {
        return BomStore.plain(value).toPlainString();
    }

    // ================================================================ cycles

    /**
     * The path by which {@code sku} would need itself if it had these components, or empty: {@code componentsOf}
     * gives the components an item's bills name (those in force on the new bill's date and later).
     */
    static Optional<List<String>> cycle(String sku, Collection<String> components,
                                        Function<String, Collection<String>> componentsOf) {
        Set<String> seen = new HashSet<>();
        for (String c : components) {
            List<String> path = new ArrayList<>(List.of(sku, c));
            if (c.equals(sku)) {
                return Optional.of(path);
            }
            if (seen.add(c)) {
                Optional<List<String>> found = search(sku, c, path, seen, componentsOf);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<List<String>> search(String sku, String node, List<String> path, Set<String> seen,
                                                 Function<String, Collection<String>> componentsOf) {
        for (String next : componentsOf.apply(node)) {
            path.add(next);
            if (next.equals(sku)) {
                return Optional.of(path);
            }
            if (seen.add(next)) {
                Optional<List<String>> found = search(sku, next, path, seen, componentsOf);
                if (found.isPresent()) {
                    return found;
                }
            }
            path.remove(path.size() - 1);
        }
        return Optional.empty();
    }
}
