package dev.tessera.erp.purchasing.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A vendor's bill, numbered {@code BILL-2026-000001} (gap-free), in its order's currency. {@code paid} is what
 * vendor payments settled, {@code open} what is still owed (zero while held or cancelled). A released bill names who
 * released it and why ({@code releasedBy}, {@code releaseNote}); {@code note} says what the bill could not do (tax
 * not calculated while the ledger was not enabled) or why it was cancelled.
 */
public record VendorBill(long id, String number, long vendorId, String vendorCode, String vendorName,
                         String vendorReference, long orderId, String orderNumber, BillStatus status, String currency,
                         LocalDate billDate, LocalDate dueDate, List<VendorBillLine> lines, BigDecimal net,
                         BigDecimal tax, BigDecimal gross, BigDecimal paid, BigDecimal open, boolean taxCalculated,
                         String note, String releasedBy, Instant releasedAt, String releaseNote, Instant createdAt,
                         String createdBy, long version) {
    public VendorBill {
        lines = List.copyOf(lines);
    }
}
