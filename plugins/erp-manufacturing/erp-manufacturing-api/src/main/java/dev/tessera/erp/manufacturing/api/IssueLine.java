package dev.tessera.erp.manufacturing.api;

import java.math.BigDecimal;

/**
 * Components handed to a work order: {@code quantity} of {@code sku} (from its lot, for a lot-tracked item);
 * {@code scrap} true when it was spoiled in making and is reported as scrap.
 */
public record IssueLine(String sku, BigDecimal quantity, String lot, Boolean scrap) {
}
