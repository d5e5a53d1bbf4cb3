package dev.tessera.erp.inventory.api;

import java.math.BigDecimal;

/**
 * Goods leaving a warehouse (shipped, consumed). With a {@code reservation} id it consumes that reservation;
 * without one it may take only what is not reserved.
 */
public record Issue(String sku, String warehouse, String location, String lot, BigDecimal quantity, String reference,
                    Long reservation) {
}
