package dev.tessera.erp.inventory.api;

import java.math.BigDecimal;

/** Goods moved between locations or warehouses; their value moves with them. */
public record Transfer(String sku, String fromWarehouse, String fromLocation, String toWarehouse, String toLocation,
                       String lot, BigDecimal quantity, String reference) {
}
