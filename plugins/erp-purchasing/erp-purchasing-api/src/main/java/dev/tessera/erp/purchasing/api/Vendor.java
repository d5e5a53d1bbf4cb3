package dev.tessera.erp.purchasing.api;

import java.time.Instant;

/**
 * A vendor, known by its unique {@code code} (upper-case letters, digits and hyphens, e.g. {@code ACME-01}). Its
 * orders and price agreements are in its {@code currency}; {@code leadTimeDays} is how long its goods usually take,
 * the default of an order line's expected date. A deactivated vendor gets no new orders or agreements.
 */
public record Vendor(long id, String code, String name, String currency, int paymentTermsDays, String taxId,
                     int leadTimeDays, String contactName, String contactEmail, boolean active, long version,
                     Instant createdAt, String createdBy) {
}
