package dev.tessera.erp.manufacturing.api;

import java.math.BigDecimal;

/** A work center to create; rates 0 and 8 hours a day when left out. */
public record NewWorkCenter(String code, String name, BigDecimal costPerHour, BigDecimal costPerBatch,
                            BigDecimal hoursPerDay) {
}
