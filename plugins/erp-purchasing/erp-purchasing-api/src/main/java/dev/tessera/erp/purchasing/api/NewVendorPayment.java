package dev.tessera.erp.purchasing.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A payment to a vendor ({@code vendorId} or {@code vendorCode}) settling one or several of its posted bills.
 * {@code currency} is the vendor's when absent and must be each bill's; {@code amount}, when given, must equal what
 * the bills take; {@code date} is today when absent; {@code reference} the bank's (optional).
 */
public record NewVendorPayment(Long vendorId, String vendorCode, LocalDate date, String currency, BigDecimal amount,
                               String reference, List<NewPaymentAllocation> bills) {
}
