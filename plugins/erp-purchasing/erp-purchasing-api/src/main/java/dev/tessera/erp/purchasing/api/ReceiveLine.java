package dev.tessera.erp.purchasing.api;

import java.math.BigDecimal;

/**
 * How much of an order line arrived: {@code line} (its number) and {@code quantity} above zero are required;
 * {@code warehouse} defaults to the receipt's, then the line's, then the order's; {@code location} to the
 * warehouse's main one; {@code lot} is needed for lot-tracked items.
 */
public record ReceiveLine(Integer line, BigDecimal quantity, String warehouse, String location, String lot) {
}
