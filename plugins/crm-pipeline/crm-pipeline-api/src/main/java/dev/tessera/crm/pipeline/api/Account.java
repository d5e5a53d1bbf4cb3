package dev.tessera.crm.pipeline.api;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A customer or prospect company. The relationship fields are the pipeline's; {@code lastOrderNumber},
 * {@code lastInvoiceNumber}/{@code lastInvoiceStatus} and the billing terms ({@code creditLimit},
 * {@code paymentTermsDays}, {@code billingCurrency}) are read-only copies kept from sales' events.
 */
public record Account(long id, String name, String domain, String industry, String address, String owner,
                      String notes, long version, Instant createdAt, String lastOrderNumber,
                      String lastInvoiceNumber, String lastInvoiceStatus, BigDecimal creditLimit,
                      Integer paymentTermsDays, String billingCurrency) {
}
