package dev.tessera.erp.manufacturing.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.tessera.erp.manufacturing.api.ManufacturingErrors;
import dev.tessera.erp.manufacturing.api.WorkOrder;
import dev.tessera.erp.manufacturing.api.WorkOrderComponent;
import dev.tessera.erp.manufacturing.api.WorkOrderOperation;
import dev.tessera.erp.manufacturing.api.WorkOrderStatus;
import dev.tessera.erp.manufacturing.api.event.WorkOrderDetails;
import dev.tessera.platform.api.TesseraException;
import dev.tessera.platform.support.Sql;

/**
 * Work orders on MFG_WORK_ORDER, MFG_WO_COMPONENT and MFG_WO_OPERATION, in the caller's transaction; rows become
 * records here and nowhere else.
 */
final class WorkOrderStore {
    private static final String COLUMNS = "w.ID, w.NUMBER, w.SKU, w.BOM_ID, b.REVISION, w.QUANTITY, w.COMPLETED,"
            + " w.WAREHOUSE, w.STATUS, w.DUE_DATE, w.STD_MATERIALS, w.STD_OPERATIONS, w.MATERIALS_VARIANCE,"
            + " w.OPERATIONS_VARIANCE, w.NOTE, w.VERSION, w.CREATED_AT, w.CREATED_BY, w.RELEASED_BY, w.CLOSED_BY,"
            + " w.FINISHED_VALUE";
    private static final String FROM = " FROM MFG_WORK_ORDER w JOIN MFG_BOM b ON b.ID = w.BOM_ID";

    /** A component line to plan. */
    record PlannedComponent(String sku, BigDecimal required) {
    }

    /** An operation to plan: its hours, the center's rate and the per-batch costs of all its batches. */
    record PlannedOperation(String workCenter, String description, BigDecimal hours, BigDecimal rate,
                            BigDecimal batchCost) {
    }

    private WorkOrderStore() {
    }

    static long insert(Connection db, Map<String, Object> row, List<PlannedComponent> components,
                       List<PlannedOperation> operations, String actor) {
        long id = Sql.nextId(db, "MFG_SEQUENCE", "work-order");
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("ID", id);
        all.putAll(row);
        all.put("COMPLETED", BigDecimal.ZERO);
        all.put("FINISHED_VALUE", BigDecimal.ZERO);
        all.put("STATUS", WorkOrderStatus.DRAFT.name());
        all.put("VERSION", 1L);
        all.put("CREATED_AT", Instant.now());
        all.put("CREATED_BY", actor);
        Sql.insert(db, "MFG_WORK_ORDER", all);
        List<Object[]> lines = new ArrayList<>();
        int line = 1;
        for (PlannedComponent c : components) {
            lines.add(new Object[] {id, line++, c.sku(), c.required(), BigDecimal.ZERO, BigDecimal.ZERO,
                    BigDecimal.ZERO});
        }
        Sql.batch(db, "INSERT INTO MFG_WO_COMPONENT (WO_ID, LINE_NO, SKU, REQUIRED, ISSUED, SCRAPPED, ISSUED_VALUE)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", lines);
        List<Object[]> ops = new ArrayList<>();
        int seq = 10;
        for (PlannedOperation o : operations) {
            ops.add(new Object[] {id, seq, o.workCenter(), o.description(), o.hours(), o.rate(), o.batchCost(),
                    BigDecimal.ZERO, BigDecimal.ZERO});
            seq += 10;
        }
        if (!ops.isEmpty()) {
            Sql.batch(db, "INSERT INTO MFG_WO_OPERATION (WO_ID, SEQ, WORK_CENTER, DESCRIPTION, PLANNED_HOURS, RATE,"
                    + " BATCH_COST, ACTUAL_HOURS, ACTUAL_COST) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", ops);
        }
        return id;
    }

    static Optional<WorkOrder> workOrder(Connection db, long id) {
        return Optional.ofNullable(Sql.row(db, "SELECT " + COLUMNS + FROM + " WHERE w.ID = ?", id))
                .map(r -> workOrder(db, r));
    }

    static Optional<WorkOrder> byNumber(Connection db, String number) {
        return Optional.ofNullable(Sql.row(db, "SELECT " + COLUMNS + FROM + " WHERE w.NUMBER = ?",
                number.trim().toUpperCase(Locale.ROOT))).map(r -> workOrder(db, r));
    }

    static WorkOrder require(Connection db, long id) {
        return workOrder(db, id).orElseThrow(() -> new TesseraException(ManufacturingErrors.WORK_ORDER_NOT_FOUND,
                "No work order " + id + " (manufacturing:work-orders lists them)"));
    }

    static List<WorkOrder> workOrders(Connection db, WorkOrderStatus status, String sku, long afterId, int limit) {
        Sql.Where where = new Sql.Where("w.ID > ?", afterId).and("w.STATUS", status == null ? null : status.name())
                .and("w.SKU", sku);
        return Sql.rows(db, limit, "SELECT " + COLUMNS + FROM + " WHERE " + where.sql() + " ORDER BY w.ID",
                where.args()).stream().map(r -> workOrder(db, r)).toList();
    }

    /** Locks the order's row until the transaction ends: the steps of one order run one at a time. */
    static void lock(Connection db, long id) {
        Sql.execute(db, "UPDATE MFG_WORK_ORDER SET VERSION = VERSION WHERE ID = ?", id);
    }

    static void update(Connection db, WorkOrder before, Map<String, Object> set) {
        Map<String, Object> all = new LinkedHashMap<>(set);
        all.put("VERSION", before.version() + 1);
        Sql.update(db, "MFG_WORK_ORDER", all, "ID = ?", before.id());
    }

    static void updateComponent(Connection db, long id, int line, Map<String, Object> set) {
        Sql.update(db, "MFG_WO_COMPONENT", set, "WO_ID = ? AND LINE_NO = ?", id, line);
    }

    static void updateOperation(Connection db, long id, int seq, BigDecimal hours, BigDecimal cost) {
        Sql.execute(db, "UPDATE MFG_WO_OPERATION SET ACTUAL_HOURS = ?, ACTUAL_COST = ? WHERE WO_ID = ? AND SEQ = ?",
                hours, cost, id, seq);
    }

    /** An operation's rate and per-batch cost, or null when the order has no such operation. */
    static Object[] operationCosts(Connection db, long id, int seq) {
        return Sql.row(db, "SELECT RATE, BATCH_COST FROM MFG_WO_OPERATION WHERE WO_ID = ? AND SEQ = ?", id, seq);
    }

    /** The value of the finished goods received so far. */
    static BigDecimal finishedValue(Connection db, long id) {
        return Sql.decimal(Sql.value(db, "SELECT FINISHED_VALUE FROM MFG_WORK_ORDER WHERE ID = ?", id));
    }

    static WorkOrderDetails details(WorkOrder w) {
        return new WorkOrderDetails(w.id(), w.number(), w.sku(), w.quantity(), w.completed(), w.warehouse(),
                w.status().name(), w.dueDate(), w.standardMaterials().add(w.standardOperations()));
    }

    private static WorkOrder workOrder(Connection db, Object[] r) {
        long id = Sql.longValue(r[0]);
        List<WorkOrderComponent> components = Sql.rows(db, "SELECT LINE_NO, SKU, REQUIRED, ISSUED, SCRAPPED,"
                + " ISSUED_VALUE, RESERVATION_ID FROM MFG_WO_COMPONENT WHERE WO_ID = ? ORDER BY LINE_NO", id).stream()
                .map(c -> new WorkOrderComponent(Sql.intValue(c[0]), Sql.text(c[1]), BomStore.plain(Sql.decimal(c[2])),
                        BomStore.plain(Sql.decimal(c[3])), BomStore.plain(Sql.decimal(c[4])), Sql.decimal(c[5]),
                        Sql.longOrNull(c[6]))).toList();
        List<WorkOrderOperation> operations = Sql.rows(db, "SELECT SEQ, WORK_CENTER, DESCRIPTION, PLANNED_HOURS,"
                + " ACTUAL_HOURS, ACTUAL_COST FROM MFG_WO_OPERATION WHERE WO_ID = ? ORDER BY SEQ", id).stream()
                .map(o -> new WorkOrderOperation(Sql.intValue(o[0]), Sql.text(o[1]), (String) o[2],
                        BomStore.plain(Sql.decimal(o[3])), BomStore.plain(Sql.decimal(o[4])), Sql.decimal(o[5])))
                .toList();
        BigDecimal materials = components.stream().map(WorkOrderComponent::issuedValue)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        BigDecimal ops = operations.stream().map(WorkOrderOperation::actualCost)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        LocalDate due = r[9] == null ? null : Sql.date(r[9]);
        return new WorkOrder(id, Sql.text(r[1]), Sql.text(r[2]), Sql.longValue(r[3]), Sql.intValue(r[4]),
                BomStore.plain(Sql.decimal(r[5])), BomStore.plain(Sql.decimal(r[6])), Sql.text(r[7]),
                WorkOrderStatus.valueOf(Sql.text(r[8])), due, Sql.decimal(r[10]), Sql.decimal(r[11]), materials, ops,
                r[12] == null ? null : Sql.decimal(r[12]), r[13] == null ? null : Sql.decimal(r[13]), components,
                operations, (String) r[14], Sql.longValue(r[15]), Sql.instant(r[16]), (String) r[17],
                (String) r[18], (String) r[19]);
    }
}
