package dev.tessera.erp.purchasing.api;

import java.math.BigDecimal;

/**
 * The vendor a purchase goes to: {@code quantity} is what to order (raised to the agreement's minimum when the
 * quantity asked was below every minimum), {@code agreement} the price agreement that prices it and
 * {@code leadTimeDays} the agreement's lead time, else the vendor's.
 */
public record VendorChoice(long vendorId, String vendorCode, BigDecimal quantity, PriceAgreement agreement,
                           int leadTimeDays) {
}
