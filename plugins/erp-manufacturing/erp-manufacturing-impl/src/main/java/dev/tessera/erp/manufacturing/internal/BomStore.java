package dev.tessera.erp.manufacturing.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.tessera.erp.manufacturing.api.Bom;
import dev.tessera.erp.manufacturing.api.BomComponent;
import dev.tessera.erp.manufacturing.api.BomOperation;
import dev.tessera.erp.manufacturing.api.event.BomDetails;
import dev.tessera.platform.support.Sql;

/**
 * Bills of materials on MFG_BOM, MFG_BOM_COMPONENT and MFG_BOM_OPERATION, in the caller's transaction; rows become
 * records here and nowhere else. Revisions are only ever inserted.
 */
final class BomStore {
    private static final String COLUMNS = "ID, SKU, REVISION, EFFECTIVE_FROM, OUTPUT_QUANTITY, PHANTOM, NOTE,"
            + " CREATED_AT, CREATED_BY";

    private BomStore() {
    }

    /** The next bill id; takes the row lock that makes new bills of materials one at a time. */
    static long nextId(Connection db) {
        return Sql.nextId(db, "MFG_SEQUENCE", "bom");
    }

    static void insert(Connection db, long id, String sku, int revision, LocalDate effectiveFrom, BigDecimal output,
                       boolean phantom, String note, List<BomComponent> components, List<BomOperation> operations,
                       String actor) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("ID", id);
        row.put("SKU", sku);
        row.put("REVISION", revision);
        row.put("EFFECTIVE_FROM", effectiveFrom);
        row.put("OUTPUT_QUANTITY", output);
        row.put("PHANTOM", phantom);
        row.put("NOTE", note);
        row.put("CREATED_AT", Instant.now());
        row.put("CREATED_BY", actor);
        Sql.insert(db, "MFG_BOM", row);
        List<Object[]> lines = new ArrayList<>();
        for (BomComponent c : components) {
            lines.add(new Object[] {id, c.line(), c.sku(), c.quantity(), c.scrapPercent()});
        }
        Sql.batch(db, "INSERT INTO MFG_BOM_COMPONENT (BOM_ID, LINE_NO, SKU, QUANTITY, SCRAP_PCT) VALUES (?, ?, ?, ?, ?)",
                lines);
        List<Object[]> ops = new ArrayList<>();
        for (BomOperation o : operations) {
            ops.add(new Object[] {id, o.sequence(), o.workCenter(), o.description(), o.setupHours(),
                    o.runHoursPerUnit(), o.fixedCost()});
        }
        if (!ops.isEmpty()) {
            Sql.batch(db, "INSERT INTO MFG_BOM_OPERATION (BOM_ID, SEQ, WORK_CENTER, DESCRIPTION, SETUP_HOURS,"
                    + " RUN_HOURS, FIXED_COST) VALUES (?, ?, ?, ?, ?, ?, ?)", ops);
        }
    }

    static Optional<Bom> bom(Connection db, long id) {
        return Optional.ofNullable(Sql.row(db, "SELECT " + COLUMNS + " FROM MFG_BOM WHERE ID = ?", id))
                .map(r -> bom(db, r));
    }

    /** The revision in force on {@code day}: the latest to take effect on or before it. */
    static Optional<Bom> inForce(Connection db, String sku, LocalDate day) {
        List<Object[]> rows = Sql.rows(db, 1, "SELECT " + COLUMNS + " FROM MFG_BOM WHERE SKU = ? AND EFFECTIVE_FROM"
                + " <= ? ORDER BY EFFECTIVE_FROM DESC, REVISION DESC", sku, day);
        return rows.isEmpty() ? Optional.empty() : Optional.of(bom(db, rows.get(0)));
    }

    /** The item's highest revision, or empty before its first. */
    static Optional<Bom> latest(Connection db, String sku) {
        List<Object[]> rows = Sql.rows(db, 1, "SELECT " + COLUMNS + " FROM MFG_BOM WHERE SKU = ? ORDER BY REVISION"
                + " DESC", sku);
        return rows.isEmpty() ? Optional.empty() : Optional.of(bom(db, rows.get(0)));
    }

    static List<Bom> revisions(Connection db, String sku) {
        return Sql.rows(db, "SELECT " + COLUMNS + " FROM MFG_BOM WHERE SKU = ? ORDER BY REVISION", sku).stream()
                .map(r -> bom(db, r)).toList();
    }

    static List<Bom> boms(Connection db, String sku, long afterId, int limit) {
        Sql.Where where = new Sql.Where("ID > ?", afterId).and("SKU", sku);
        return Sql.rows(db, limit, "SELECT " + COLUMNS + " FROM MFG_BOM WHERE " + where.sql() + " ORDER BY ID",
                where.args()).stream().map(r -> bom(db, r)).toList();
    }

    /**
     * The components named by the item's revisions in force on {@code day} or later: the one in force that day and
     * every one taking effect after it.
     */
    static Set<String> componentsFrom(Connection db, String sku, LocalDate day) {
        Set<String> result = new LinkedHashSet<>();
        inForce(db, sku, day).ifPresent(b -> b.components().forEach(c -> result.add(c.sku())));
        for (Object[] r : Sql.rows(db, "SELECT DISTINCT c.SKU FROM MFG_BOM_COMPONENT c JOIN MFG_BOM b ON b.ID ="
                + " c.BOM_ID WHERE b.SKU = ? AND b.EFFECTIVE_FROM > ?", sku, day)) {
            result.add(Sql.text(r[0]));
        }
        return result;
    }

    static BomDetails details(Bom b) {
        return new BomDetails(b.id(), b.sku(), b.revision(), b.effectiveFrom(), b.outputQuantity(), b.phantom(),
                b.components(), b.operations());
    }

    private static Bom bom(Connection db, Object[] r) {
        long id = Sql.longValue(r[0]);
        List<BomComponent> components = Sql.rows(db, "SELECT LINE_NO, SKU, QUANTITY, SCRAP_PCT FROM MFG_BOM_COMPONENT"
                + " WHERE BOM_ID = ? ORDER BY LINE_NO", id).stream().map(c -> {
                    BigDecimal quantity = plain(Sql.decimal(c[2]));
                    BigDecimal scrap = plain(Sql.decimal(c[3]));
                    return new BomComponent(Sql.intValue(c[0]), Sql.text(c[1]), quantity, scrap,
                            BomGraph.gross(quantity, scrap));
                }).toList();
        List<BomOperation> operations = Sql.rows(db, "SELECT SEQ, WORK_CENTER, DESCRIPTION, SETUP_HOURS, RUN_HOURS,"
                + " FIXED_COST FROM MFG_BOM_OPERATION WHERE BOM_ID = ? ORDER BY SEQ", id).stream()
                .map(o -> new BomOperation(Sql.intValue(o[0]), Sql.text(o[1]), (String) o[2], plain(Sql.decimal(o[3])),
                        plain(Sql.decimal(o[4])), plain(Sql.decimal(o[5])))).toList();
        return new Bom(id, Sql.text(r[1]), Sql.intValue(r[2]), Sql.date(r[3]), plain(Sql.decimal(r[4])),
                Sql.bool(r[5]), (String) r[6], components, operations, Sql.instant(r[7]), (String) r[8]);
    }

    /** A decimal as the user typed it: no trailing zeros of the column's scale. */
    static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
