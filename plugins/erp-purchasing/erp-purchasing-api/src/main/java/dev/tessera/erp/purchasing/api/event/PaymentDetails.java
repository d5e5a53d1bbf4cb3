package dev.tessera.erp.purchasing.api.event;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import dev.tessera.erp.purchasing.api.BillStatus;

/**
 * A payment to a vendor, as {@code purchasing.vendor-payment.made} tells it: the ledger books {@code amount} as
 * accounts payable against cash; each bill it paid says what it still owes after it.
 */
public record PaymentDetails(long id, String number, long vendorId, String vendorCode, String vendorName,
                             LocalDate date, String currency, BigDecimal amount, String reference, List<Paid> bills) {

    /** What the payment paid of one bill, and the bill after it. */
    public record Paid(long billId, String billNumber, BigDecimal amount, BigDecimal openAfter, BillStatus status) {
    }
}
