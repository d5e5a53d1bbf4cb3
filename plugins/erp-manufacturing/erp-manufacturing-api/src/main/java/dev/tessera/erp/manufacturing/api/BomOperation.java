package dev.tessera.erp.manufacturing.api;

import java.math.BigDecimal;

/**
 * A step of making a batch at a work center: {@code setupHours} once per batch, {@code runHoursPerUnit} for each
 * unit made, and {@code fixedCost} once per batch (besides the work center's own cost per batch).
 */
public record BomOperation(int sequence, String workCenter, String description, BigDecimal setupHours,
                           BigDecimal runHoursPerUnit, BigDecimal fixedCost) {
}
