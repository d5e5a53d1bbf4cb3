package dev.tessera.erp.purchasing.api;

import java.math.BigDecimal;

/**
 * One line of a goods receipt: of order line {@code line}, {@code quantity} at the order's unit price
 * ({@code value} their product, in the order's currency). {@code stockMoveId}: the inventory's receipt move, null
 * for a non-stock line.
 */
public record ReceivedLine(int line, String sku, String description, BigDecimal quantity, BigDecimal unitPrice,
                           BigDecimal value, String warehouse, String location, String lot, Long stockMoveId) {
}
