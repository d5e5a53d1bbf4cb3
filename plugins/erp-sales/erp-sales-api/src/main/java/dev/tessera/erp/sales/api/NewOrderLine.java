package dev.tessera.erp.sales.api;

import java.math.BigDecimal;

/** A line to order: an item (by SKU) or a service (by description), at a price, with a tax code and an optional term. */
public record NewOrderLine(String sku, String description, BigDecimal quantity, BigDecimal unitPrice,
                           BigDecimal discountPercent, String taxCode, Integer contractMonths) {
}
