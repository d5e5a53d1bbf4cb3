package dev.tessera.erp.purchasing.api.event;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A vendor's price agreement for an item, as {@code purchasing.vendor.price-added} and {@code .price-ended} tell it.
 *
 * @param leadTimeDays the agreement's lead time, or null for the vendor's
 * @param validTo      its last day, or null while open-ended
 */
public record PriceAgreementDetails(long id, long vendorId, String vendorCode, String sku, BigDecimal price,
                                    String currency, BigDecimal minQuantity, Integer leadTimeDays, LocalDate validFrom,
                                    LocalDate validTo) {
}
