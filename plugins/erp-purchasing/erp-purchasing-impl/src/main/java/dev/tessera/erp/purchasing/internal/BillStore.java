package dev.tessera.erp.purchasing.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.tessera.erp.purchasing.api.BillStatus;
import dev.tessera.erp.purchasing.api.PurchasingErrors;
import dev.tessera.erp.purchasing.api.VendorBill;
import dev.tessera.erp.purchasing.api.VendorBillLine;
import dev.tessera.erp.purchasing.api.event.BillDetails;
import dev.tessera.platform.api.TesseraException;
import dev.tessera.platform.support.Sql;

/** Vendor bills on PUR_BILL and PUR_BILL_LINE, in the caller's transaction; rows become records here only. */
final class BillStore {
    private static final String BILL = "b.ID, b.NUMBER, b.VENDOR_ID, v.CODE, v.NAME, b.VENDOR_REFERENCE, b.ORDER_ID,"
            + " o.NUMBER, b.STATUS, b.CURRENCY, b.BILL_DATE, b.DUE_DATE, b.NET, b.TAX, b.GROSS, b.PAID,"
            + " b.TAX_CALCULATED, b.NOTE, b.RELEASED_BY, b.RELEASED_AT, b.RELEASE_NOTE, b.CREATED_AT, b.CREATED_BY,"
            + " b.VERSION";
    private static final String FROM = " FROM PUR_BILL b JOIN PUR_VENDOR v ON v.ID = b.VENDOR_ID"
            + " JOIN PUR_ORDER o ON o.ID = b.ORDER_ID";
    private static final String LINE = "LINE_NO, ORDER_LINE, SKU, DESCRIPTION, QUANTITY, UNIT_PRICE, ORDER_PRICE, NET,"
            + " TAX_CODE, TAX, GROSS, QUANTITY_MATCHED, PRICE_MATCHED, HOLD_REASON, RECEIVED_VALUE, STOCK_REVALUATION,"
            + " PRICE_VARIANCE";

    private BillStore() {
    }

    static void insert(Connection db, Map<String, Object> header, List<VendorBillLine> lines) {
        Sql.insert(db, "PUR_BILL", header);
        long id = (Long) header.get("ID");
        for (VendorBillLine l : lines) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("BILL_ID", id);
            row.put("LINE_NO", l.line());
            row.put("ORDER_LINE", l.orderLine());
            row.put("SKU", l.sku());
            row.put("DESCRIPTION", l.description());
            row.put("QUANTITY", l.quantity());
            row.put("UNIT_PRICE", l.unitPrice());
            row.put("ORDER_PRICE", l.orderPrice());
            row.put("NET", l.net());
            row.put("TAX_CODE", l.taxCode());
            row.put("TAX", l.tax());
            row.put("GROSS", l.gross());
            row.put("QUANTITY_MATCHED", l.quantityMatched());
            row.put("PRICE_MATCHED", l.priceMatched());
            row.put("HOLD_REASON", l.holdReason());
            Sql.insert(db, "PUR_BILL_LINE", row);
        }
    }

    /** Records what posting a line booked: the value it clears, the revaluation and the variance. */
    static void posted(Connection db, long billId, int line, BigDecimal receivedValue, BigDecimal revaluation,
                       BigDecimal variance) {
        Sql.execute(db, "UPDATE PUR_BILL_LINE SET RECEIVED_VALUE = ?, STOCK_REVALUATION = ?, PRICE_VARIANCE = ?"
                + " WHERE BILL_ID = ? AND LINE_NO = ?", receivedValue, revaluation, variance, billId, line);
    }

    /** Sets the columns and raises the version. */
    static void update(Connection db, VendorBill before, Map<String, Object> set) {
        Map<String, Object> all = new LinkedHashMap<>(set);
        all.put("VERSION", before.version() + 1);
        Sql.update(db, "PUR_BILL", all, "ID = ?", before.id());
    }

    /** Locks the bill's row to the end of the transaction (an update of its version), then reads it. */
    static VendorBill lock(Connection db, long id) {
        if (Sql.execute(db, "UPDATE PUR_BILL SET VERSION = VERSION WHERE ID = ?", id) == 0) {
            throw notFound(Long.toString(id));
        }
        return require(db, id);
    }

    static boolean referenceTaken(Connection db, long vendorId, String reference) {
        return Sql.value(db, "SELECT ID FROM PUR_BILL WHERE VENDOR_ID = ? AND UPPER(VENDOR_REFERENCE) = ?",
                vendorId, reference.toUpperCase(java.util.Locale.ROOT)) != null;
    }

    static Optional<VendorBill> bill(Connection db, long id) {
        Object[] r = Sql.row(db, "SELECT " + BILL + FROM + " WHERE b.ID = ?", id);
        return r == null ? Optional.empty() : Optional.of(bill(db, r));
    }

    static Optional<VendorBill> billByNumber(Connection db, String number) {
        Object[] r = Sql.row(db, "SELECT " + BILL + FROM + " WHERE b.NUMBER = ?",
                number.trim().toUpperCase(java.util.Locale.ROOT));
        return r == null ? Optional.empty() : Optional.of(bill(db, r));
    }

    static VendorBill require(Connection db, long id) {
        return bill(db, id).orElseThrow(() -> notFound(Long.toString(id)));
    }

    static List<VendorBill> bills(Connection db, Sql.Where where, String order, int limit) {
        return Sql.rows(db, limit, "SELECT " + BILL + FROM + " WHERE " + where.sql() + " ORDER BY " + order,
                where.args()).stream().map(r -> bill(db, r)).toList();
    }

    static TesseraException notFound(String key) {
        return new TesseraException(PurchasingErrors.BILL_NOT_FOUND, "No vendor bill " + key
                + " (purchasing:bills lists them)");
    }

    private static VendorBill bill(Connection db, Object[] r) {
        long id = Sql.longValue(r[0]);
        Currency currency = Currency.getInstance(Sql.text(r[9]));
        List<VendorBillLine> lines = Sql.rows(db, "SELECT " + LINE + " FROM PUR_BILL_LINE WHERE BILL_ID = ?"
                + " ORDER BY LINE_NO", id).stream().map(l -> line(l, currency)).toList();
        BillStatus status = BillStatus.valueOf(Sql.text(r[8]));
        BigDecimal gross = Checks.money(r[14], currency);
        BigDecimal paid = Checks.money(r[15], currency);
        BigDecimal open = status == BillStatus.HELD || status == BillStatus.CANCELLED
                ? Checks.money(BigDecimal.ZERO, currency) : gross.subtract(paid);
        return new VendorBill(id, (String) r[1], Sql.longValue(r[2]), Sql.text(r[3]), (String) r[4], (String) r[5],
                Sql.longValue(r[6]), (String) r[7], status, currency.getCurrencyCode(), Sql.date(r[10]),
                Sql.date(r[11]), lines, Checks.money(r[12], currency), Checks.money(r[13], currency), gross, paid, open,
                Sql.bool(r[16]), (String) r[17], (String) r[18], Sql.instant(r[19]), (String) r[20],
                Sql.instant(r[21]), (String) r[22], Sql.longValue(r[23]));
    }

    private static VendorBillLine line(Object[] r, Currency currency) {
        return new VendorBillLine(Sql.intValue(r[0]), Sql.intValue(r[1]), (String) r[2], (String) r[3],
                Sql.decimal(r[4]), Sql.decimal(r[5]), Sql.decimal(r[6]), Checks.money(r[7], currency), (String) r[8],
                Checks.money(r[9], currency), Checks.money(r[10], currency), Sql.bool(r[11]), Sql.bool(r[12]),
                (String) r[13], r[14] == null ? null : Checks.money(r[14], currency),
                r[15] == null ? null : Checks.money(r[15], currency),
                r[16] == null ? null : Checks.money(r[16], currency));
    }

    static BillDetails details(VendorBill b) {
        Currency currency = Currency.getInstance(b.currency());
        BigDecimal received = Checks.money(BigDecimal.ZERO, currency);
        BigDecimal revaluation = received;
        BigDecimal variance = received;
        BigDecimal expense = received;
        List<String> reasons = new ArrayList<>();
        List<BillDetails.Line> lines = new ArrayList<>();
        for (VendorBillLine l : b.lines()) {
            if (l.stocked()) {
                received = received.add(zero(l.receivedValue()));
                revaluation = revaluation.add(zero(l.stockRevaluation()));
                variance = variance.add(zero(l.priceVariance()));
            } else if (l.receivedValue() != null) {
                expense = expense.add(l.net());
            }
            if (l.holdReason() != null && b.status() == BillStatus.HELD) {
                reasons.add("line " + l.line() + " (order line " + l.orderLine() + "): " + l.holdReason());
            }
            lines.add(new BillDetails.Line(l.line(), l.orderLine(), l.sku(), l.description(), l.quantity(),
                    l.unitPrice(), l.orderPrice(), l.net(), l.tax(), l.matched(), l.holdReason()));
        }
        return new BillDetails(b.id(), b.number(), b.vendorId(), b.vendorCode(), b.vendorName(), b.vendorReference(),
                b.orderId(), b.orderNumber(), b.status(), b.currency(), b.billDate(), b.dueDate(), b.net(), b.tax(),
                b.gross(), received, revaluation, variance, expense, b.open(), reasons, b.releasedBy(),
                b.releaseNote(), lines);
    }

    private static BigDecimal zero(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }
}
