package dev.tessera.erp.inventory.api;

import java.math.BigDecimal;

/** An item's quantity and value at cost on a date. */
public record ValuationLine(String sku, String name, ValuationMethod method, BigDecimal quantity, BigDecimal value) {
}
