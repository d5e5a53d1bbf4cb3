package dev.tessera.erp.manufacturing.api;

import java.math.BigDecimal;

/**
 * An operation of a work order: the hours planned (set-up per batch, run per unit), the hours recorded, and their
 * cost at the work center's rate with its per-batch costs.
 */
public record WorkOrderOperation(int sequence, String workCenter, String description, BigDecimal plannedHours,
                                 BigDecimal actualHours, BigDecimal actualCost) {
}
