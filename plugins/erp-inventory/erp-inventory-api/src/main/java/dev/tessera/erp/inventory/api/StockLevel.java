package dev.tessera.erp.inventory.api;

import java.math.BigDecimal;

/** An item's stock in a warehouse: on hand, reserved, available (on hand − reserved) and its value at cost. */
public record StockLevel(String sku, String warehouse, BigDecimal onHand, BigDecimal reserved, BigDecimal available,
                         BigDecimal value) {
}
