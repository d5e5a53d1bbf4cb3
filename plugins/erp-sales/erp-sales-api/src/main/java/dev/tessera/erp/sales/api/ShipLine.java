package dev.tessera.erp.sales.api;

import java.math.BigDecimal;

/** How much of an order line to ship now. */
public record ShipLine(int line, BigDecimal quantity) {
}
