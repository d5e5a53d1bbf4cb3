package dev.tessera.erp.sales.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Money received from a customer. {@code invoiceIds} names the invoices to settle, in order; without them the
 * oldest open invoices of the customer in that currency are settled first. What is left is kept as the customer's
 * credit.
 */
public record NewPayment(Long accountId, BigDecimal amount, String currency, LocalDate receivedOn, String reference,
                         List<Long> invoiceIds) {
}
