package dev.tessera.erp.manufacturing.api.event;

import java.math.BigDecimal;

/** A work center, as {@code manufacturing.work-center.created}, {@code .changed} and {@code .deactivated} tell it. */
public record WorkCenterDetails(String code, String name, BigDecimal costPerHour, BigDecimal costPerBatch,
                                BigDecimal hoursPerDay, boolean active) {
}
