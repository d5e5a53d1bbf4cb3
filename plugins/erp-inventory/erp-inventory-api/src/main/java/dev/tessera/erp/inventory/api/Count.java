package dev.tessera.erp.inventory.api;

import java.math.BigDecimal;

/** A physical count of one item at one place: the difference to the books becomes an adjustment. */
public record Count(String sku, String warehouse, String location, String lot, BigDecimal counted, String reference) {
}
