package dev.tessera.erp.purchasing.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A price agreement to add: {@code sku} (an item of the inventory's catalog) and {@code price} (above zero) are
 * required. {@code currency} defaults to the vendor's and must be it; {@code minQuantity} is 0 when absent and above
 * zero when given; {@code leadTimeDays} null uses the vendor's; {@code validFrom} defaults to today, {@code validTo}
 * to open-ended.
 */
public record NewPriceAgreement(String sku, BigDecimal price, String currency, BigDecimal minQuantity,
                                Integer leadTimeDays, LocalDate validFrom, LocalDate validTo) {
}
