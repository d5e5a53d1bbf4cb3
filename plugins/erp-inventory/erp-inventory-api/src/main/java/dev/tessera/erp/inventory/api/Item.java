package dev.tessera.erp.inventory.api;

import java.math.BigDecimal;

/**
 * An item of the catalog. {@code standardCost} is used by {@link ValuationMethod#STANDARD} items only; stock below
 * {@code reorderPoint} suggests ordering {@code reorderQuantity}.
 */
public record Item(String sku, String name, String uom, String category, boolean active, boolean lotTracked,
                   ValuationMethod valuationMethod, BigDecimal standardCost, BigDecimal reorderPoint,
                   BigDecimal reorderQuantity) {
}
