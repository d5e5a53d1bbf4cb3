package dev.tessera.erp.inventory.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import dev.tessera.erp.inventory.api.Item;
import dev.tessera.erp.inventory.api.ValuationMethod;
import dev.tessera.platform.support.Sql;

/** The INV_ITEM rows: an item's columns, read into an {@link Item} and written from one. */
final class Items {
    static final String COLUMNS = "SKU, NAME, UOM, CATEGORY, ACTIVE, LOT_TRACKED, VALUATION, STANDARD_COST,"
            + " REORDER_POINT, REORDER_QTY";

    private Items() {
    }

    static Optional<Item> find(Connection db, String sku) {
        return Optional.ofNullable(Sql.row(db, "SELECT " + COLUMNS + " FROM INV_ITEM WHERE SKU = ?", sku)).map(Items::item);
    }

    /**
     * The item, its row locked until the transaction ends: stock moves of one item take this lock first, so they
     * run one after another.
     */
    static Optional<Item> lock(Connection db, String sku) {
        if (Sql.execute(db, "UPDATE INV_ITEM SET LOCK_VERSION = LOCK_VERSION + 1 WHERE SKU = ?", sku) == 0) {
            return Optional.empty();
        }
        return find(db, sku);
    }

    static void insert(Connection db, Item item) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("SKU", item.sku());
        row.put("ACTIVE", true);
        row.put("LOT_TRACKED", item.lotTracked());
        row.put("VALUATION", item.valuationMethod().name());
        row.put("LOCK_VERSION", 0L);
        row.putAll(changeable(item));
        Sql.insert(db, "INV_ITEM", row);
    }

    /** Writes the changeable fields: name, unit, category, costs and reorder settings. */
    static void update(Connection db, Item item) {
        Sql.update(db, "INV_ITEM", changeable(item), "SKU = ?", item.sku());
    }

    private static Map<String, Object> changeable(Item item) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("NAME", item.name());
        row.put("UOM", item.uom());
        row.put("CATEGORY", item.category());
        row.put("STANDARD_COST", item.standardCost());
        row.put("REORDER_POINT", item.reorderPoint());
        row.put("REORDER_QTY", item.reorderQuantity());
        return row;
    }

    static Item item(Object[] r) {
        return new Item((String) r[0], (String) r[1], (String) r[2], (String) r[3], Sql.bool(r[4]), Sql.bool(r[5]),
                ValuationMethod.valueOf(Sql.text(r[6])), decimal(r[7]), decimal(r[8]), decimal(r[9]));
    }

    private static BigDecimal decimal(Object value) {
        return Sql.decimal(value);
    }
}
