package dev.tessera.erp.purchasing.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A payment to a vendor, numbered {@code VP-2026-000001} (gap-free), and the bills it settled. */
public record VendorPayment(long id, String number, long vendorId, String vendorCode, String vendorName,
                            LocalDate date, String currency, BigDecimal amount, String reference,
                            List<Allocation> bills, Instant createdAt, String createdBy) {
    public VendorPayment {
        bills = List.copyOf(bills);
    }

    /** What the payment paid of a bill. */
    public record Allocation(long billId, String billNumber, BigDecimal amount) {
    }
}
