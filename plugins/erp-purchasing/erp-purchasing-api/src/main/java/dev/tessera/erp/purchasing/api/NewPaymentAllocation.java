package dev.tessera.erp.purchasing.api;

import java.math.BigDecimal;

/** How much of a payment goes to a bill ({@code billId} or {@code billNumber}); {@code amount} null: all it owes. */
public record NewPaymentAllocation(Long billId, String billNumber, BigDecimal amount) {
}
