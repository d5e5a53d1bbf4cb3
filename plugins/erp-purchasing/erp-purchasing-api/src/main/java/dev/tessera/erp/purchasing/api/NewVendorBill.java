package dev.tessera.erp.purchasing.api;

import java.time.LocalDate;
import java.util.List;

/**
 * A vendor's bill as finance enters it: against one purchase order ({@code orderId} or {@code orderNumber}), under
 * the vendor's own invoice number ({@code vendorReference}, once per vendor). {@code billDate} is the vendor's date
 * (today when absent); {@code dueDate} is the bill date plus the vendor's payment terms unless given.
 */
public record NewVendorBill(Long orderId, String orderNumber, String vendorReference, LocalDate billDate,
                            LocalDate dueDate, List<NewBillLine> lines, String note) {
}
