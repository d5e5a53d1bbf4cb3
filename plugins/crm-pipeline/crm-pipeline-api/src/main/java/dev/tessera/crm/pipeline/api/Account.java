package dev.tessera.crm.pipeline.api;

import java.time.Instant;

/**
 * A customer or prospect company. The relationship fields are the pipeline's; {@code lastOrderNumber} and
 * {@code lastInvoiceNumber}/{@code lastInvoiceStatus} are read-only copies written back from the sales events.
 */
public record Account(long id, String name, String domain, String industry, String address, String owner,
                      String notes, long version, Instant createdAt, String lastOrderNumber,
                      String lastInvoiceNumber, String lastInvoiceStatus) {
}
