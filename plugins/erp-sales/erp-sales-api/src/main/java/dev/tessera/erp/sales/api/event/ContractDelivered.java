package dev.tessera.erp.sales.api.event;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A contract term that started: an order line with a contract length, first invoiced, as
 * {@code sales.contract.delivered} tells it. The pipeline plans the renewal from it.
 *
 * @param line   the order line
 * @param amount the line's net amount for the term
 */
public record ContractDelivered(String orderNumber, int line, long accountId, Long opportunityId, String sku,
                                String description, LocalDate termStart, LocalDate termEnd, BigDecimal amount,
                                String currency) {
}
