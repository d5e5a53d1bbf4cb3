package dev.tessera.erp.inventory.api.event;

import java.math.BigDecimal;

/**
 * An item whose available stock fell below its reorder point, as {@code inventory.stock-level.low} tells it.
 *
 * @param sku          the item
 * @param available    on hand less reserved, across warehouses
 * @param reorderPoint the item's reorder point
 */
public record StockLow(String sku, BigDecimal available, BigDecimal reorderPoint) {
}
