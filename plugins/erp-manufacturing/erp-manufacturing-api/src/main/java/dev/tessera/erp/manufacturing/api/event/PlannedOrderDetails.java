package dev.tessera.erp.manufacturing.api.event;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A planned order as {@code manufacturing.planned-order.firmed} tells it: which MRP run planned it, what it became
 * ({@code firmedAs}, a work order's or purchase order's number).
 */
public record PlannedOrderDetails(long id, long runId, String kind, String sku, BigDecimal quantity,
                                  LocalDate dueDate, String warehouse, String vendorCode, String firmedAs) {
}
