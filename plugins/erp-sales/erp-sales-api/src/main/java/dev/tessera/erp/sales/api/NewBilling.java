package dev.tessera.erp.sales.api;

import java.math.BigDecimal;

/** Billing terms to set; null leaves a field as it is ({@code name} only for customers the pipeline does not know). */
public record NewBilling(String name, String taxId, Integer paymentTermsDays, BigDecimal creditLimit, String currency,
                         String billingAddress) {
}
