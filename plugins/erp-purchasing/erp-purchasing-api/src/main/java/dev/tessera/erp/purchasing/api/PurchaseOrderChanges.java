package dev.tessera.erp.purchasing.api;

import java.time.LocalDate;
import java.util.List;

/**
 * Changes to an order that nothing was received on: {@code lines} (when given) replace all its lines, priced again
 * on the order date; {@code expectedDate} (when given) becomes the expected date of every line that does not name
 * its own; {@code note} replaces the note (empty clears it). A null field stays as it is.
 */
public record PurchaseOrderChanges(List<NewPurchaseOrderLine> lines, LocalDate expectedDate, String note) {
}
