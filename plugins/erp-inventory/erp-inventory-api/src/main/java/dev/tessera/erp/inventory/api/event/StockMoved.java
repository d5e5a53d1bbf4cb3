package dev.tessera.erp.inventory.api.event;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A move of the stock ledger, with everything the general ledger needs to book it, as
 * {@code inventory.stock-move.recorded} tells it.
 *
 * @param move        {@code receipt}, {@code issue}, {@code transfer} or {@code adjustment}
 * @param sku         the item
 * @param warehouse   where the goods were (for a receipt: where they arrived)
 * @param location    the location in that warehouse
 * @param toWarehouse for a transfer, where the goods went; otherwise null
 * @param toLocation  for a transfer, the location they went to; otherwise null
 * @param lot         the lot, or null for an item that is not lot-tracked
 * @param quantity    how much moved (negative for an adjustment that found less)
 * @param value       the value of the goods moved, in the inventory's currency
 * @param variance    for an item at standard cost, the difference between the price paid and the standard
 * @param unitCost    the cost of one unit, or null
 * @param date        the day of the move
 * @param reference   the document it belongs to (an order, a shipment), or null
 */
public record StockMoved(String move, String sku, String warehouse, String location, String toWarehouse,
                         String toLocation, String lot, BigDecimal quantity, BigDecimal value, BigDecimal variance,
                         BigDecimal unitCost, LocalDate date, String reference) {
}
