package dev.tessera.erp.sales.api.event;

import java.math.BigDecimal;
import java.time.LocalDate;

import dev.tessera.erp.sales.api.OrderStatus;

/**
 * A sales order, as {@code sales.sales-order.*} tells it.
 *
 * @param opportunityId the deal it was won from, or null
 * @param quoteId       the accepted quote it was made of, or null for an order entered directly
 * @param note          what the order says about itself: why it is held or cancelled, what was skipped
 */
public record OrderDetails(long id, String number, long accountId, String customer, Long opportunityId, Long quoteId,
                           String quoteNumber, OrderStatus status, String currency, BigDecimal net, BigDecimal tax,
                           BigDecimal gross, boolean taxCalculated, LocalDate date, String note) {
}
