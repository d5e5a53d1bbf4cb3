package dev.tessera.erp.inventory.api;

import java.math.BigDecimal;

/** Goods received into a warehouse at a unit cost; {@code location} MAIN when left out; a lot for lot-tracked items. */
public record Receipt(String sku, String warehouse, String location, String lot, BigDecimal quantity,
                      BigDecimal unitCost, String reference) {
}
