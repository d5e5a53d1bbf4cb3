package dev.tessera.erp.manufacturing.api;

import java.math.BigDecimal;

/** New values for a work center; a field left out keeps its value. */
public record WorkCenterChanges(String name, BigDecimal costPerHour, BigDecimal costPerBatch,
                                BigDecimal hoursPerDay) {
}
