package dev.tessera.erp.inventory.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tessera.erp.inventory.api.IncomingSupply;
import dev.tessera.platform.support.Sql;

/**
 * The inventory's read-only copy of what is on order (INV_INCOMING): per open purchase order line of an item, the
 * quantity still to come and when. Purchasing owns the orders; its events replace an order's rows here.
 */
final class Incoming {

    /** One open line of an order, as its event tells it. */
    record Line(int line, String sku, String warehouse, BigDecimal open, LocalDate expected) {
    }

    private Incoming() {
    }

    /**
     * Replaces the rows of order {@code orderId} by {@code lines} (none: the order brings nothing any more), unless
     * the copy already holds a newer version of the order: events may come again, and late.
     *
     * @return false when the event was older than the copy and changed nothing
     */
    static boolean replace(Connection db, long orderId, long version, String orderNumber, String vendorCode,
                           List<Line> lines) {
        if (!Sql.takeVersion(db, "INV_INCOMING_ORDER", "ORDER_ID", "ORDER_VERSION", orderId, version)) {
            return false;
        }
        Sql.execute(db, "DELETE FROM INV_INCOMING WHERE ORDER_ID = ?", orderId);
        for (Line l : lines) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("ORDER_ID", orderId);
            row.put("LINE_NO", l.line());
            row.put("ORDER_NUMBER", orderNumber);
            row.put("VENDOR_CODE", vendorCode);
            row.put("SKU", l.sku());
            row.put("WAREHOUSE", l.warehouse());
            row.put("OPEN_QUANTITY", l.open());
            row.put("EXPECTED_DATE", l.expected() == null ? null : Date.valueOf(l.expected()));
            Sql.insert(db, "INV_INCOMING", row);
        }
        return true;
    }

    /** Open supply, soonest first; {@code sku} null for every item. */
    static List<IncomingSupply> open(Connection db, String sku) {
        Sql.Where where = new Sql.Where("OPEN_QUANTITY > 0").and("SKU", sku);
        List<IncomingSupply> result = new ArrayList<>();
        for (Object[] r : Sql.rows(db, "SELECT SKU, ORDER_NUMBER, LINE_NO, VENDOR_CODE, WAREHOUSE, OPEN_QUANTITY,"
                + " EXPECTED_DATE FROM INV_INCOMING WHERE " + where.sql()
                + " ORDER BY SKU, EXPECTED_DATE, ORDER_NUMBER, LINE_NO", where.args())) {
            result.add(new IncomingSupply((String) r[0], (String) r[1], ((Number) r[2]).intValue(), (String) r[3],
                    (String) r[4], StockServiceImpl.strip((BigDecimal) r[5]),
                    r[6] == null ? null : ((Date) r[6]).toLocalDate()));
        }
        return result;
    }

    /**
     * What arrives of the item by the end of {@code by} (null: everything on order); a line without an expected
     * date counts only when {@code by} is null, as nobody can promise it for a day.
     */
    static BigDecimal until(Connection db, String sku, LocalDate by) {
        Object sum = by == null
                ? Sql.value(db, "SELECT SUM(OPEN_QUANTITY) FROM INV_INCOMING WHERE SKU = ?", sku)
                : Sql.value(db, "SELECT SUM(OPEN_QUANTITY) FROM INV_INCOMING WHERE SKU = ? AND EXPECTED_DATE <= ?",
                        sku, Date.valueOf(by));
        return sum == null ? BigDecimal.ZERO : (BigDecimal) sum;
    }
}
