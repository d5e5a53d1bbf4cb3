package dev.tessera.erp.manufacturing.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A work order to plan: the item, how many, in which warehouse (components come from it, goods go to it), by when. */
public record NewWorkOrder(String sku, BigDecimal quantity, String warehouse, LocalDate dueDate, String note) {
}
