package dev.tessera.erp.purchasing.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.tessera.erp.purchasing.api.PurchaseOrder;
import dev.tessera.erp.purchasing.api.PurchaseOrderLine;
import dev.tessera.erp.purchasing.api.PurchaseOrderStatus;
import dev.tessera.erp.purchasing.api.PurchasingErrors;
import dev.tessera.erp.purchasing.api.event.OrderDetails;
import dev.tessera.platform.api.TesseraException;
import dev.tessera.platform.support.Sql;

/**
 * Purchase orders and their lines on PUR_ORDER and PUR_ORDER_LINE, in the caller's transaction; rows become records
 * here and nowhere else.
 */
final class OrderStore {
    static final String ORDER = "o.ID, o.NUMBER, o.REVISION, o.VENDOR_ID, v.CODE, v.NAME, o.STATUS, o.CURRENCY,"
            + " o.ORDER_DATE, o.WAREHOUSE, o.NET, o.TAX, o.GROSS, o.TAX_CALCULATED, o.NOTE, o.CREATED_AT, o.CREATED_BY,"
            + " o.REVISED_BY, o.APPROVED_BY, o.APPROVED_AT, o.SENT_AT, o.VERSION";
    static final String FROM = " FROM PUR_ORDER o JOIN PUR_VENDOR v ON v.ID = o.VENDOR_ID";
    static final String LINE = "LINE_NO, SKU, DESCRIPTION, QUANTITY, UNIT_PRICE, PRICE_ID, NET, TAX_CODE, TAX, GROSS,"
            + " EXPECTED_DATE, WAREHOUSE, RECEIVED, BILLED";

    /** A priced, taxed order line before it is saved. */
    record Line(String sku, String description, BigDecimal quantity, BigDecimal unitPrice, Long priceId,
                BigDecimal net, String taxCode, BigDecimal tax, BigDecimal gross, LocalDate expectedDate,
                String warehouse) {
    }

    private OrderStore() {
    }

    static long insertOrder(Connection db, long id, String number, Map<String, Object> header, List<Line> lines,
                            String actor) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("ID", id);
        row.put("NUMBER", number);
        row.put("REVISION", 0);
        row.putAll(header);
        row.put("STATUS", PurchaseOrderStatus.DRAFT);
        row.putAll(totals(lines));
        row.put("CREATED_AT", Instant.now());
        row.put("CREATED_BY", actor);
        row.put("VERSION", 1L);
        Sql.insert(db, "PUR_ORDER", row);
        insertLines(db, id, lines);
        return id;
    }

    /** Replaces the order's lines (nothing was received on them) and its totals. */
    static void replaceLines(Connection db, long id, List<Line> lines) {
        Sql.execute(db, "DELETE FROM PUR_ORDER_LINE WHERE ORDER_ID = ?", id);
        insertLines(db, id, lines);
        Sql.update(db, "PUR_ORDER", totals(lines), "ID = ?", id);
    }

    private static void insertLines(Connection db, long id, List<Line> lines) {
        int n = 0;
        for (Line l : lines) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("ORDER_ID", id);
            line.put("LINE_NO", ++n);
            line.put("SKU", l.sku());
            line.put("DESCRIPTION", l.description());
            line.put("QUANTITY", l.quantity());
            line.put("UNIT_PRICE", l.unitPrice());
            line.put("PRICE_ID", l.priceId());
            line.put("NET", l.net());
            line.put("TAX_CODE", l.taxCode());
            line.put("TAX", l.tax());
            line.put("GROSS", l.gross());
            line.put("EXPECTED_DATE", l.expectedDate());
            line.put("WAREHOUSE", l.warehouse());
            line.put("RECEIVED", BigDecimal.ZERO);
            Sql.insert(db, "PUR_ORDER_LINE", line);
        }
    }

    private static Map<String, Object> totals(List<Line> lines) {
        BigDecimal net = BigDecimal.ZERO;
        BigDecimal tax = BigDecimal.ZERO;
        for (Line l : lines) {
            net = net.add(l.net());
            tax = tax.add(l.tax());
        }
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("NET", net);
        set.put("TAX", tax);
        set.put("GROSS", net.add(tax));
        return set;
    }

    /** Sets the columns and raises the version. */
    static void update(Connection db, PurchaseOrder before, Map<String, Object> set) {
        Map<String, Object> all = new LinkedHashMap<>(set);
        all.put("VERSION", before.version() + 1);
        Sql.update(db, "PUR_ORDER", all, "ID = ?", before.id());
    }

    /**
     * Locks the order's row until the transaction ends (an update of its version, which Derby and PostgreSQL both
     * hold to the end), then reads it: operations on one order, receipts above all, run one after another, each
     * seeing what the one before committed.
     */
    static PurchaseOrder lock(Connection db, long id) {
        if (Sql.execute(db, "UPDATE PUR_ORDER SET VERSION = VERSION WHERE ID = ?", id) == 0) {
            throw notFound(id);
        }
        return require(db, id);
    }

    static void addReceived(Connection db, long id, int line, BigDecimal quantity) {
        Sql.execute(db, "UPDATE PUR_ORDER_LINE SET RECEIVED = RECEIVED + ? WHERE ORDER_ID = ? AND LINE_NO = ?",
                quantity, id, line);
    }

    static void addBilled(Connection db, long id, int line, BigDecimal quantity) {
        Sql.execute(db, "UPDATE PUR_ORDER_LINE SET BILLED = BILLED + ? WHERE ORDER_ID = ? AND LINE_NO = ?",
                quantity, id, line);
    }

    static Optional<PurchaseOrder> order(Connection db, long id) {
        Object[] r = Sql.row(db, "SELECT " + ORDER + FROM + " WHERE o.ID = ?", id);
        return r == null ? Optional.empty() : Optional.of(order(db, r));
    }

    static Optional<PurchaseOrder> orderByNumber(Connection db, String number) {
        Object[] r = Sql.row(db, "SELECT " + ORDER + FROM + " WHERE o.NUMBER = ?", number.trim().toUpperCase());
        return r == null ? Optional.empty() : Optional.of(order(db, r));
    }

    static PurchaseOrder require(Connection db, long id) {
        return order(db, id).orElseThrow(() -> notFound(id));
    }

    static List<PurchaseOrder> orders(Connection db, Sql.Where where, int limit) {
        return Sql.rows(db, limit, "SELECT " + ORDER + FROM + " WHERE " + where.sql() + " ORDER BY o.ID",
                where.args()).stream().map(r -> order(db, r)).toList();
    }

    private static TesseraException notFound(long id) {
        return new TesseraException(PurchasingErrors.ORDER_NOT_FOUND, "No purchase order " + id
                + " (purchasing:orders lists them)");
    }

    static OrderDetails details(PurchaseOrder o) {
        return new OrderDetails(o.id(), o.number(), o.revision(), o.vendorId(), o.vendorCode(), o.vendorName(),
                o.status(), o.currency(), o.orderDate(), o.net(), o.tax(), o.gross(), o.createdBy(), o.approvedBy(),
                o.note(), lines(o));
    }

    static List<OrderDetails.Line> lines(PurchaseOrder o) {
        return o.lines().stream().map(l -> new OrderDetails.Line(l.line(), l.sku(), l.description(), l.quantity(),
                l.received(), l.unitPrice(), l.net(), l.expectedDate(), l.warehouse())).toList();
    }

    private static PurchaseOrder order(Connection db, Object[] r) {
        long id = Sql.longValue(r[0]);
        Currency currency = Currency.getInstance(Sql.text(r[7]));
        List<PurchaseOrderLine> lines = Sql.rows(db, "SELECT " + LINE + " FROM PUR_ORDER_LINE WHERE ORDER_ID = ?"
                + " ORDER BY LINE_NO", id).stream().map(l -> line(l, currency)).toList();
        return new PurchaseOrder(id, (String) r[1], Sql.intValue(r[2]), Sql.longValue(r[3]), Sql.text(r[4]),
                (String) r[5], PurchaseOrderStatus.valueOf(Sql.text(r[6])), currency.getCurrencyCode(),
                Sql.date(r[8]), (String) r[9], lines, Checks.money(r[10], currency), Checks.money(r[11], currency),
                Checks.money(r[12], currency), Sql.bool(r[13]), (String) r[14], Sql.instant(r[15]), (String) r[16],
                (String) r[17], (String) r[18], Sql.instant(r[19]), Sql.instant(r[20]), Sql.longValue(r[21]));
    }

    private static PurchaseOrderLine line(Object[] r, Currency currency) {
        return new PurchaseOrderLine(Sql.intValue(r[0]), (String) r[1], (String) r[2], Sql.decimal(r[3]),
                Sql.decimal(r[4]), Sql.longOrNull(r[5]), Checks.money(r[6], currency), (String) r[7],
                Checks.money(r[8], currency), Checks.money(r[9], currency), Sql.date(r[10]), (String) r[11],
                Sql.decimal(r[12]), Sql.decimal(r[13]));
    }
}
