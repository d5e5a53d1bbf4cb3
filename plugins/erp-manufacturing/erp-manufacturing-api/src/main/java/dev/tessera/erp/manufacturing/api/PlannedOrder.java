package dev.tessera.erp.manufacturing.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A planned order of an MRP run: {@code quantity} of {@code sku} due on {@code dueDate} (when its demand needs it),
 * to start on {@code startDate} (the due date less the lead time: the bill's operations at their work centers' hours
 * per day for MAKE, the preferred vendor's lead time for BUY). {@code lowLevelCode} is the item's deepest level in the
 * bills in force (0: nothing is made of it). {@code vendorCode} is the vendor a BUY order would go to, null when
 * purchasing is not enabled or no active vendor has an agreement for the item. {@code pegging} names the demand it
 * covers; {@code note} says what a planner must know (late start, no vendor, purchasing not enabled).
 */
public record PlannedOrder(long id, long runId, PlannedOrderKind kind, String sku, BigDecimal quantity,
                           LocalDate startDate, LocalDate dueDate, String warehouse, int lowLevelCode,
                           String vendorCode, PlannedOrderStatus status, String firmedAs, String pegging, String note,
                           Instant firmedAt, String firmedBy) {
}
