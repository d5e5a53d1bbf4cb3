package dev.tessera.erp.purchasing.internal;

import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.tessera.erp.purchasing.api.PriceAgreement;
import dev.tessera.erp.purchasing.api.PurchasingErrors;
import dev.tessera.erp.purchasing.api.Vendor;
import dev.tessera.erp.purchasing.api.event.PriceAgreementDetails;
import dev.tessera.erp.purchasing.api.event.VendorDetails;
import dev.tessera.platform.support.Sql;
import dev.tessera.platform.api.TesseraException;

/**
 * Vendors and their price agreements on PUR_VENDOR and PUR_PRICE, in the caller's transaction; rows become records
 * here and nowhere else.
 */
final class VendorStore {
    static final String VENDOR = "ID, CODE, NAME, CURRENCY, PAYMENT_TERMS, TAX_ID, LEAD_TIME_DAYS, CONTACT_NAME,"
            + " CONTACT_EMAIL, ACTIVE, VERSION, CREATED_AT, CREATED_BY";
    static final String PRICE = "p.ID, p.VENDOR_ID, v.CODE, p.SKU, p.PRICE, p.CURRENCY, p.MIN_QUANTITY,"
            + " p.LEAD_TIME_DAYS, p.VALID_FROM, p.VALID_TO, p.CREATED_AT, p.CREATED_BY";

    private VendorStore() {
    }

    // ================================================================ vendors

    static Optional<Vendor> vendor(Connection db, long id) {
        return Optional.ofNullable(Sql.row(db, "SELECT " + VENDOR + " FROM PUR_VENDOR WHERE ID = ?", id))
                .map(VendorStore::vendor);
    }

    static Optional<Vendor> vendorByCode(Connection db, String code) {
        return Optional.ofNullable(Sql.row(db, "SELECT " + VENDOR + " FROM PUR_VENDOR WHERE CODE = ?",
                code.trim().toUpperCase(Locale.ROOT))).map(VendorStore::vendor);
    }

    static Vendor requireVendor(Connection db, long id) {
        return vendor(db, id).orElseThrow(() -> new TesseraException(PurchasingErrors.VENDOR_NOT_FOUND,
                "No vendor " + id + " (purchasing:vendors lists them)"));
    }

    static List<Vendor> vendors(Connection db, Sql.Where where, int limit) {
        return Sql.rows(db, limit, "SELECT " + VENDOR + " FROM PUR_VENDOR WHERE " + where.sql() + " ORDER BY ID",
                where.args()).stream().map(VendorStore::vendor).toList();
    }

    static long insertVendor(Connection db, Map<String, Object> row, String actor) {
        long id = Sql.nextId(db, "PUR_SEQUENCE", "vendor");
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("ID", id);
        all.putAll(row);
        all.put("ACTIVE", true);
        all.put("VERSION", 1L);
        all.put("CREATED_AT", Instant.now());
        all.put("CREATED_BY", actor);
        Sql.insert(db, "PUR_VENDOR", all);
        return id;
    }

    /** Updates the vendor's columns and raises its version; locks its row until the transaction ends. */
    static void updateVendor(Connection db, Vendor before, Map<String, Object> set) {
        Map<String, Object> all = new LinkedHashMap<>(set);
        all.put("VERSION", before.version() + 1);
        Sql.update(db, "PUR_VENDOR", all, "ID = ?", before.id());
    }

    /** Locks the vendor's row until the transaction ends: changes of one vendor run one at a time. */
    static void lockVendor(Connection db, long id) {
        Sql.execute(db, "UPDATE PUR_VENDOR SET VERSION = VERSION WHERE ID = ?", id);
    }

    /** Whether the vendor has agreements in force on or after {@code day}, or orders not yet finished. */
    static boolean inUse(Connection db, long id, LocalDate day) {
        Object prices = Sql.value(db, "SELECT COUNT(*) FROM PUR_PRICE WHERE VENDOR_ID = ? AND (VALID_TO IS NULL OR"
                + " VALID_TO >= ?)", id, day);
        Object orders = Sql.value(db, "SELECT COUNT(*) FROM PUR_ORDER WHERE VENDOR_ID = ? AND STATUS NOT IN"
                + " ('CLOSED', 'CANCELLED')", id);
        return Sql.longValue(prices) > 0 || Sql.longValue(orders) > 0;
    }

    static VendorDetails details(Vendor v) {
        return new VendorDetails(v.id(), v.code(), v.name(), v.currency(), v.paymentTermsDays(), v.taxId(),
                v.leadTimeDays(), v.contactName(), v.contactEmail(), v.active());
    }

    private static Vendor vendor(Object[] r) {
        return new Vendor(Sql.longValue(r[0]), Sql.text(r[1]), (String) r[2], Sql.text(r[3]), Sql.intValue(r[4]),
                (String) r[5], Sql.intValue(r[6]), (String) r[7], (String) r[8], Sql.bool(r[9]), Sql.longValue(r[10]),
                Sql.instant(r[11]), (String) r[12]);
    }

    // ================================================================ price agreements

    static long insertPrice(Connection db, Map<String, Object> row, String actor) {
        long id = Sql.nextId(db, "PUR_SEQUENCE", "price");
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("ID", id);
        all.putAll(row);
        all.put("CREATED_AT", Instant.now());
        all.put("CREATED_BY", actor);
        Sql.insert(db, "PUR_PRICE", all);
        return id;
    }

    static Optional<PriceAgreement> price(Connection db, long id) {
        return Optional.ofNullable(Sql.row(db, "SELECT " + PRICE + " FROM PUR_PRICE p JOIN PUR_VENDOR v ON v.ID ="
                + " p.VENDOR_ID WHERE p.ID = ?", id)).map(VendorStore::price);
    }

    /** The vendor's agreements ({@code sku} null: all items), in force on {@code from} or later unless it is null. */
    static List<PriceAgreement> prices(Connection db, long vendorId, String sku, LocalDate from) {
        Sql.Where where = new Sql.Where("p.VENDOR_ID = ?", vendorId).and("p.SKU", sku);
        String sql = "SELECT " + PRICE + " FROM PUR_PRICE p JOIN PUR_VENDOR v ON v.ID = p.VENDOR_ID WHERE "
                + where.sql();
        Object[] args = where.args();
        if (from != null) {
            sql += " AND (p.VALID_TO IS NULL OR p.VALID_TO >= ?)";
            Object[] more = java.util.Arrays.copyOf(args, args.length + 1);
            more[args.length] = from;
            args = more;
        }
        return Sql.rows(db, sql + " ORDER BY p.SKU, p.MIN_QUANTITY, p.VALID_FROM, p.ID", args).stream()
                .map(VendorStore::price).toList();
    }

    /** Every active vendor's agreements for the item in force on {@code day}, by vendor. */
    static Map<Vendor, List<PriceAgreement>> agreementsFor(Connection db, String sku, LocalDate day) {
        Map<Long, List<PriceAgreement>> byVendor = new LinkedHashMap<>();
        for (Object[] r : Sql.rows(db, "SELECT " + PRICE + " FROM PUR_PRICE p JOIN PUR_VENDOR v ON v.ID = p.VENDOR_ID"
                + " WHERE p.SKU = ? AND v.ACTIVE = ? AND p.VALID_FROM <= ? AND (p.VALID_TO IS NULL OR p.VALID_TO >= ?)"
                + " ORDER BY v.CODE, p.ID", sku, true, day, day)) {
            PriceAgreement a = price(r);
            byVendor.computeIfAbsent(a.vendorId(), k -> new java.util.ArrayList<>()).add(a);
        }
        Map<Vendor, List<PriceAgreement>> result = new LinkedHashMap<>();
        byVendor.forEach((id, list) -> result.put(requireVendor(db, id), list));
        return result;
    }

    static void endPrice(Connection db, long id, LocalDate validTo) {
        Sql.execute(db, "UPDATE PUR_PRICE SET VALID_TO = ? WHERE ID = ?", validTo, id);
    }

    static PriceAgreementDetails details(PriceAgreement p) {
        return new PriceAgreementDetails(p.id(), p.vendorId(), p.vendorCode(), p.sku(), p.price(), p.currency(),
                p.minQuantity(), p.leadTimeDays(), p.validFrom(), p.validTo());
    }

    private static PriceAgreement price(Object[] r) {
        return new PriceAgreement(Sql.longValue(r[0]), Sql.longValue(r[1]), Sql.text(r[2]), (String) r[3],
                Sql.decimal(r[4]), Sql.text(r[5]), Sql.decimal(r[6]), r[7] == null ? null : Sql.intValue(r[7]),
                Sql.date(r[8]), Sql.date(r[9]), Sql.instant(r[10]), (String) r[11]);
    }
}
