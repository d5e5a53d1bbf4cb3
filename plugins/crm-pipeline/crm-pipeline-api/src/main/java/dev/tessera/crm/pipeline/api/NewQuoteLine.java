package dev.tessera.crm.pipeline.api;

import java.math.BigDecimal;

/**
 * A line to quote. With a {@code sku} and no {@code unitPrice} the catalog prices it (the inventory must be enabled);
 * a typed {@code unitPrice} is kept and marked manual. The tax code defaults to the pipeline's.
 */
public record NewQuoteLine(String sku, String description, BigDecimal quantity, BigDecimal unitPrice,
                           BigDecimal discountPercent, String taxCode) {
}
