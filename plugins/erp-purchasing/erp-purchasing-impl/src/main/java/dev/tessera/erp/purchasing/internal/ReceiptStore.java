package dev.tessera.erp.purchasing.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tessera.erp.purchasing.api.GoodsReceipt;
import dev.tessera.erp.purchasing.api.ReceivedLine;
import dev.tessera.platform.support.Sql;

/** Goods receipts on PUR_RECEIPT and PUR_RECEIPT_LINE, in the caller's transaction. */
final class ReceiptStore {
    private static final String LINE = "ORDER_LINE, SKU, DESCRIPTION, QUANTITY, UNIT_PRICE, LINE_VALUE, WAREHOUSE,"
            + " LOCATION, LOT, STOCK_MOVE_ID";

    private ReceiptStore() {
    }

    static long insert(Connection db, long orderId, LocalDate receivedOn, List<ReceivedLine> lines, String actor) {
        long id = Sql.nextId(db, "PUR_SEQUENCE", "receipt");
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("ID", id);
        row.put("ORDER_ID", orderId);
        row.put("RECEIVED_ON", receivedOn);
        row.put("RECEIVED_AT", Instant.now());
        row.put("RECEIVED_BY", actor);
        Sql.insert(db, "PUR_RECEIPT", row);
        int n = 0;
        for (ReceivedLine l : lines) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("RECEIPT_ID", id);
            line.put("LINE_NO", ++n);
            line.put("ORDER_LINE", l.line());
            line.put("SKU", l.sku());
            line.put("DESCRIPTION", l.description());
            line.put("QUANTITY", l.quantity());
            line.put("UNIT_PRICE", l.unitPrice());
            line.put("LINE_VALUE", l.value());
            line.put("WAREHOUSE", l.warehouse());
            line.put("LOCATION", l.location());
            line.put("LOT", l.lot());
            line.put("STOCK_MOVE_ID", l.stockMoveId());
            Sql.insert(db, "PUR_RECEIPT_LINE", line);
        }
        return id;
    }

    static GoodsReceipt receipt(Connection db, long id) {
        Object[] r = Sql.row(db, "SELECT r.ID, r.ORDER_ID, o.NUMBER, o.CURRENCY, r.RECEIVED_ON, r.RECEIVED_AT,"
                + " r.RECEIVED_BY FROM PUR_RECEIPT r JOIN PUR_ORDER o ON o.ID = r.ORDER_ID WHERE r.ID = ?", id);
        Currency currency = Currency.getInstance(Sql.text(r[3]));
        List<ReceivedLine> lines = Sql.rows(db, "SELECT " + LINE + " FROM PUR_RECEIPT_LINE WHERE RECEIPT_ID = ?"
                + " ORDER BY LINE_NO", id).stream().map(l -> new ReceivedLine(Sql.intValue(l[0]), (String) l[1],
                (String) l[2], Sql.decimal(l[3]), Sql.decimal(l[4]), Checks.money(l[5], currency), (String) l[6],
                (String) l[7], (String) l[8], Sql.longOrNull(l[9]))).toList();
        BigDecimal value = Checks.money(lines.stream().map(ReceivedLine::value).reduce(BigDecimal.ZERO,
                BigDecimal::add), currency);
        return new GoodsReceipt(Sql.longValue(r[0]), Sql.longValue(r[1]), (String) r[2], currency.getCurrencyCode(),
                lines, value, Sql.date(r[4]), Sql.instant(r[5]), (String) r[6]);
    }

    static List<GoodsReceipt> receipts(Connection db, long orderId) {
        return Sql.rows(db, "SELECT ID FROM PUR_RECEIPT WHERE ORDER_ID = ? ORDER BY ID", orderId).stream()
                .map(r -> receipt(db, Sql.longValue(r[0]))).toList();
    }

    /** What a bill took of a receipt line: {@code stockMoveId} the inventory's receipt, null for a non-stock line. */
    record Unbilled(long receiptId, int lineNo, Long stockMoveId, BigDecimal quantity) {
    }

    /**
     * Marks up to {@code quantity} of the order line's received, not yet billed goods as billed, oldest receipt
     * first, and says which receipt lines it took; less than asked when less was received (a released bill).
     */
    static List<Unbilled> takeUnbilled(Connection db, long orderId, int orderLine, BigDecimal quantity) {
        List<Unbilled> taken = new java.util.ArrayList<>();
        BigDecimal left = quantity;
        for (Object[] r : Sql.rows(db, "SELECT l.RECEIPT_ID, l.LINE_NO, l.STOCK_MOVE_ID, l.QUANTITY - l.BILLED"
                + " FROM PUR_RECEIPT_LINE l JOIN PUR_RECEIPT r ON r.ID = l.RECEIPT_ID WHERE r.ORDER_ID = ?"
                + " AND l.ORDER_LINE = ? AND l.QUANTITY > l.BILLED ORDER BY l.RECEIPT_ID, l.LINE_NO", orderId,
                orderLine)) {
            if (left.signum() <= 0) {
                break;
            }
            BigDecimal take = left.min(Sql.decimal(r[3]));
            long receipt = Sql.longValue(r[0]);
            int line = Sql.intValue(r[1]);
            Sql.execute(db, "UPDATE PUR_RECEIPT_LINE SET BILLED = BILLED + ? WHERE RECEIPT_ID = ? AND LINE_NO = ?",
                    take, receipt, line);
            taken.add(new Unbilled(receipt, line, Sql.longOrNull(r[2]), take));
            left = left.subtract(take);
        }
        return taken;
    }
}
