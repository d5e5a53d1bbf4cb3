package dev.tessera.erp.manufacturing.api;

import java.math.BigDecimal;

/**
 * What an explosion needs in all of a bought item: {@code quantity} with the scrap of every level,
 * {@code netQuantity} without any scrap.
 */
public record Requirement(String sku, BigDecimal quantity, BigDecimal netQuantity) {
}
