package dev.tessera.erp.inventory.internal;

import java.math.BigDecimal;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import dev.tessera.erp.inventory.api.Item;
import dev.tessera.erp.inventory.api.ValuationMethod;

@Entity
@Table(name = "INV_ITEM")
public class ItemEntity {
    @Id
    @Column(name = "SKU")
    private String sku;

    @Column(name = "NAME", nullable = false)
    private String name;

    @Column(name = "UOM", nullable = false)
    private String uom;

    @Column(name = "CATEGORY")
    private String category;

    @Column(name = "ACTIVE", nullable = false)
    private boolean active;

    @Column(name = "LOT_TRACKED", nullable = false)
    private boolean lotTracked;

    @Column(name = "VALUATION", nullable = false)
    private String valuation;

    @Column(name = "STANDARD_COST")
    private BigDecimal standardCost;

    @Column(name = "REORDER_POINT")
    private BigDecimal reorderPoint;

    @Column(name = "REORDER_QTY")
    private BigDecimal reorderQuantity;

    @Column(name = "LOCK_VERSION", nullable = false)
    private long lockVersion;

    protected ItemEntity() {
    }

    ItemEntity(Item item) {
        this.sku = item.sku();
        this.active = true;
        this.lotTracked = item.lotTracked();
        this.valuation = item.valuationMethod().name();
        apply(item);
    }

    /** Takes the changeable fields of an item: name, unit, category, costs and reorder settings. */
    void apply(Item item) {
        this.name = item.name();
        this.uom = item.uom();
        this.category = item.category();
        this.standardCost = item.standardCost();
        this.reorderPoint = item.reorderPoint();
        this.reorderQuantity = item.reorderQuantity();
    }

    void active(boolean value) {
        active = value;
    }

    Item toRecord() {
        return new Item(sku, name, uom, category, active, lotTracked, ValuationMethod.valueOf(valuation),
                strip(standardCost), strip(reorderPoint), strip(reorderQuantity));
    }

    private static BigDecimal strip(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal s = value.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
