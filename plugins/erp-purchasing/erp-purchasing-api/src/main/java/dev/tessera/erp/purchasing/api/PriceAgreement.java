package dev.tessera.erp.purchasing.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What a vendor charges for an item: {@code price} per unit in the vendor's currency for orders of at least
 * {@code minQuantity}, ordered from {@code validFrom} to {@code validTo} (both days included; null: open-ended).
 * {@code leadTimeDays} null means the vendor's own lead time.
 */
public record PriceAgreement(long id, long vendorId, String vendorCode, String sku, BigDecimal price, String currency,
                             BigDecimal minQuantity, Integer leadTimeDays, LocalDate validFrom, LocalDate validTo,
                             Instant createdAt, String createdBy) {

    /** Whether an order dated {@code day} may use it. */
    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }
}
