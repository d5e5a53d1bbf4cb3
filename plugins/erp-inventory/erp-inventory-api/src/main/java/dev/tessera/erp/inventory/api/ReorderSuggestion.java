package dev.tessera.erp.inventory.api;

import java.math.BigDecimal;

/** An item whose available stock is below its reorder point, and how much to order. */
public record ReorderSuggestion(String sku, String name, BigDecimal available, BigDecimal incoming,
                                BigDecimal reorderPoint, BigDecimal suggestedQuantity) {
}
