package dev.tessera.erp.manufacturing.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A work order to plan: the item, how many, in which warehouse (components come from it, goods go to it), by when.
 * {@code billDate}: the day whose bill of materials revision the order is made from, and costed at (today when null;
 * never in the past) — a planned order firmed ahead of a new revision is made from the revision MRP planned it with.
 */
public record NewWorkOrder(String sku, BigDecimal quantity, String warehouse, LocalDate dueDate, String note,
                           LocalDate billDate) {
    /** A work order made from the bill in force today. */
    public NewWorkOrder(String sku, BigDecimal quantity, String warehouse, LocalDate dueDate, String note) {
        this(sku, quantity, warehouse, dueDate, note, null);
    }
}
