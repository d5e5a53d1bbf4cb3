package dev.tessera.crm.pipeline.api;

import java.math.BigDecimal;

/**
 * A line to quote. With a {@code sku} and no {@code unitPrice} the catalog prices it (the inventory must be enabled);
 * a typed {@code unitPrice} is kept and marked manual. The tax code defaults to the pipeline's. {@code contractMonths}
 * makes it a contract line (a subscription, a support plan): its order line's term starts when it is invoiced.
 */
public record NewQuoteLine(String sku, String description, BigDecimal quantity, BigDecimal unitPrice,
                           BigDecimal discountPercent, String taxCode, Integer contractMonths) {

    /** A line without a contract term. */
    public NewQuoteLine(String sku, String description, BigDecimal quantity, BigDecimal unitPrice,
                        BigDecimal discountPercent, String taxCode) {
        this(sku, description, quantity, unitPrice, discountPercent, taxCode, null);
    }
}
