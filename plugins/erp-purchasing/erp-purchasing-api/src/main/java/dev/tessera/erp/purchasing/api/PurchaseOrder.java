package dev.tessera.erp.purchasing.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A purchase order, numbered {@code PO-2026-000001} (gap-free), in the vendor's currency. {@code revision} counts
 * the changes made after approval (0 for the first). {@code createdBy} is its author, {@code revisedBy} who made the
 * last revision; neither may approve it when it needs approval. {@code taxCalculated}: the ledger's engine taxed the
 * lines that name a tax code. {@code note} says what the order could not do (e.g. items not checked against the
 * catalog while the inventory was not enabled).
 */
public record PurchaseOrder(long id, String number, int revision, long vendorId, String vendorCode, String vendorName,
                            PurchaseOrderStatus status, String currency, LocalDate orderDate, String warehouse,
                            List<PurchaseOrderLine> lines, BigDecimal net, BigDecimal tax, BigDecimal gross,
                            boolean taxCalculated, String note, Instant createdAt, String createdBy, String revisedBy,
                            String approvedBy, Instant approvedAt, Instant sentAt, long version) {
    public PurchaseOrder {
        lines = List.copyOf(lines);
    }
}
