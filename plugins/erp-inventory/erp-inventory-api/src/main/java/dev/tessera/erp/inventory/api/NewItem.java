package dev.tessera.erp.inventory.api;

import java.math.BigDecimal;

/** An item to create (or the new values of one to update): SKU, name, unit of measure and how it is valued. */
public record NewItem(String sku, String name, String uom, String category, Boolean lotTracked,
                      ValuationMethod valuationMethod, BigDecimal standardCost, BigDecimal reorderPoint,
                      BigDecimal reorderQuantity) {
}
