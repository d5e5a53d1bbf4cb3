package dev.tessera.erp.sales.api;

import java.math.BigDecimal;

/**
 * A customer's billing facet, keyed by the CRM account id. Sales owns the billing fields (tax id, payment terms,
 * credit limit, currency, billing address); {@code name} and {@code address} are a copy of the pipeline's account,
 * kept from its events (or typed here when the pipeline is not used). {@code creditLimit} null means no limit.
 */
public record CustomerBilling(long accountId, String name, String address, String taxId, int paymentTermsDays,
                              BigDecimal creditLimit, String currency, String billingAddress, long version) {
}
