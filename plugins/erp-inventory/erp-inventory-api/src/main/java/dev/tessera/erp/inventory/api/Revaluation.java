package dev.tessera.erp.inventory.api;

import java.math.BigDecimal;

/**
 * A vendor's bill priced {@code quantity} units of receipt move {@code receiptMoveId} differently from the receipt:
 * {@code amount} is the signed difference (the billed value minus the receipt's value of those units), in the
 * inventory's currency. {@code reference} names the bill line, e.g. {@code BILL-2026-000001:1}.
 */
public record Revaluation(long receiptMoveId, BigDecimal quantity, BigDecimal amount, String reference) {
}
