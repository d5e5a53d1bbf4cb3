package dev.tessera.erp.purchasing.api;

import java.time.LocalDate;
import java.util.List;

/**
 * An order to draft, for a vendor named by {@code vendorId} or {@code vendorCode} (one is required), in the
 * vendor's currency. {@code orderDate} defaults to today; {@code warehouse} is where its goods are received unless a
 * line or the receipt names another; at least one line is required.
 */
public record NewPurchaseOrder(Long vendorId, String vendorCode, LocalDate orderDate, String warehouse,
                               List<NewPurchaseOrderLine> lines, String note) {
}
