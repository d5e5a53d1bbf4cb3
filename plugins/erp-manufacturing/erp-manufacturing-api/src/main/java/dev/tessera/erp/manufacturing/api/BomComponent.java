package dev.tessera.erp.manufacturing.api;

import java.math.BigDecimal;

/**
 * A component of a bill of materials: {@code quantity} is what one batch needs net; with scrap the batch takes
 * {@code grossQuantity} = quantity × (1 + scrapPercent / 100).
 */
public record BomComponent(int line, String sku, BigDecimal quantity, BigDecimal scrapPercent,
                           BigDecimal grossQuantity) {
}
