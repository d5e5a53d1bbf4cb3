package dev.tessera.erp.inventory.api;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One entry of the stock ledger, never changed. {@code quantity} is positive; {@code value} is what the move took
 * in or out at cost ({@code variance}: a standard-cost receipt's difference to the standard). A transfer names
 * both places; an adjustment's {@code quantity} is signed (a count found more or less).
 */
public record StockMove(long id, MoveType type, String sku, String warehouse, String location, String toWarehouse,
                        String toLocation, String lot, BigDecimal quantity, BigDecimal unitCost, BigDecimal value,
                        BigDecimal variance, String reference, Instant at, String actor) {
}
