package dev.tessera.erp.sales.api.event;

import java.math.BigDecimal;

/**
 * A customer's billing terms, which sales owns, as {@code sales.customer-billing.updated} tells them.
 *
 * @param accountId        the customer's account (the pipeline's account id)
 * @param creditLimit      the most the customer may have open and ordered, or null for no limit
 */
public record BillingTerms(long accountId, String name, String taxId, int paymentTermsDays, BigDecimal creditLimit,
                           String currency, String billingAddress) {
}
