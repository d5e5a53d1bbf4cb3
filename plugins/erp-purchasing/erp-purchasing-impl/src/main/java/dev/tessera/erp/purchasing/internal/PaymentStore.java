package dev.tessera.erp.purchasing.internal;

import java.sql.Connection;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

import dev.tessera.erp.purchasing.api.VendorPayment;
import dev.tessera.platform.support.Sql;

/** Vendor payments on PUR_PAYMENT and PUR_PAYMENT_BILL, in the caller's transaction. */
final class PaymentStore {
    private static final String PAYMENT = "SELECT p.ID, p.NUMBER, p.VENDOR_ID, v.CODE, v.NAME, p.PAID_ON, p.CURRENCY,"
            + " p.AMOUNT, p.REFERENCE, p.CREATED_AT, p.CREATED_BY FROM PUR_PAYMENT p"
            + " JOIN PUR_VENDOR v ON v.ID = p.VENDOR_ID";

    private PaymentStore() {
    }

    static Optional<VendorPayment> payment(Connection db, long id) {
        Object[] r = Sql.row(db, PAYMENT + " WHERE p.ID = ?", id);
        return r == null ? Optional.empty() : Optional.of(payment(db, r));
    }

    static List<VendorPayment> payments(Connection db, Sql.Where where, int limit) {
        return Sql.rows(db, limit, PAYMENT + " WHERE " + where.sql() + " ORDER BY p.ID", where.args()).stream()
                .map(r -> payment(db, r)).toList();
    }

    private static VendorPayment payment(Connection db, Object[] r) {
        long id = Sql.longValue(r[0]);
        Currency currency = Currency.getInstance(Sql.text(r[6]));
        List<VendorPayment.Allocation> bills = Sql.rows(db, "SELECT a.BILL_ID, b.NUMBER, a.AMOUNT FROM PUR_PAYMENT_BILL a"
                + " JOIN PUR_BILL b ON b.ID = a.BILL_ID WHERE a.PAYMENT_ID = ? ORDER BY a.BILL_ID", id).stream()
                .map(a -> new VendorPayment.Allocation(Sql.longValue(a[0]), (String) a[1],
                        Checks.money(a[2], currency))).toList();
        return new VendorPayment(id, (String) r[1], Sql.longValue(r[2]), Sql.text(r[3]), (String) r[4],
                Sql.date(r[5]), currency.getCurrencyCode(), Checks.money(r[7], currency), (String) r[8], bills,
                Sql.instant(r[9]), (String) r[10]);
    }
}
