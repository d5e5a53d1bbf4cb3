package dev.tessera.erp.sales.api.event;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A customer's payment, as {@code sales.payment.received} tells it.
 *
 * @param date        the day it was received
 * @param allocated   what went to invoices
 * @param unallocated what is kept as the customer's credit
 * @param invoices    the numbers of the invoices it settled, oldest first
 */
public record PaymentDetails(long id, long accountId, BigDecimal amount, String currency, LocalDate date,
                             String reference, BigDecimal allocated, BigDecimal unallocated, List<String> invoices) {
}
