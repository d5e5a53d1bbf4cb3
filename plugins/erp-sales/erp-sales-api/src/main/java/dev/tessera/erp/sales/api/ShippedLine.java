package dev.tessera.erp.sales.api;

import java.math.BigDecimal;

/** A shipped line with the stock's value at cost ({@code cost} null when no stock was issued for it). */
public record ShippedLine(int line, String sku, BigDecimal quantity, String warehouse, BigDecimal cost) {
}
