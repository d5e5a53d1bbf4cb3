package dev.tessera.erp.inventory.api;

import java.math.BigDecimal;

/**
 * What a revaluation did: of its amount, {@code stockValue} went into the stock of the receipt still on hand
 * ({@code quantityOnHand} of the revalued units), {@code issuedValue} (the amount less the stock value) belongs to
 * units already issued, or, under standard cost, all of it. {@code moveId}: the REVALUATION move, null when nothing
 * went to stock.
 */
public record Revalued(long receiptMoveId, String sku, BigDecimal quantityOnHand, BigDecimal stockValue,
                       BigDecimal issuedValue, Long moveId) {
}
