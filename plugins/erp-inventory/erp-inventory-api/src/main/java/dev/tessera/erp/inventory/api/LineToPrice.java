package dev.tessera.erp.inventory.api;

import java.math.BigDecimal;

/**
 * A document line (a quote's, an order's) to be priced: a catalog item by SKU or a line of its own by description,
 * how many, and optionally a typed unit price (which then wins over the catalog's) and a discount.
 */
public record LineToPrice(String sku, String description, BigDecimal quantity, BigDecimal unitPrice,
                          BigDecimal discountPercent) {
}
