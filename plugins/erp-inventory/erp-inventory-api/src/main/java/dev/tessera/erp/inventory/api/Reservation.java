package dev.tessera.erp.inventory.api;

import java.math.BigDecimal;
import java.time.Instant;

/** Stock held for an order: ACTIVE until issued (CONSUMED) or released (RELEASED). {@code open} is what remains. */
public record Reservation(long id, String sku, String warehouse, BigDecimal quantity, BigDecimal open,
                          String reference, String state, Instant createdAt) {
}
