package dev.tessera.erp.manufacturing.api;

import java.math.BigDecimal;

/** An operation of a new bill of materials; times and cost 0 when left out. */
public record NewBomOperation(String workCenter, String description, BigDecimal setupHours,
                              BigDecimal runHoursPerUnit, BigDecimal fixedCost) {
}
