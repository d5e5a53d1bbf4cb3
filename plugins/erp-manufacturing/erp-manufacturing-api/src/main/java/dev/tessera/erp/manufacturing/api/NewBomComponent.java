package dev.tessera.erp.manufacturing.api;

import java.math.BigDecimal;

/** A component of a new bill of materials: the net quantity a batch needs, and the scrap % (0 when left out). */
public record NewBomComponent(String sku, BigDecimal quantity, BigDecimal scrapPercent) {
}
