package dev.tessera.erp.sales.api;

import java.util.List;

/** An order entered directly, for a customer (the CRM account id), in the customer's currency unless given. */
public record NewOrder(Long accountId, String currency, List<NewOrderLine> lines) {
}
