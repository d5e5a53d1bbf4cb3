package dev.tessera.erp.manufacturing.api;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A place where operations run: what an hour there costs, what each batch costs on top (setting up, cleaning), and
 * how many hours a day it can work.
 */
public record WorkCenter(String code, String name, BigDecimal costPerHour, BigDecimal costPerBatch,
                         BigDecimal hoursPerDay, boolean active, long version, Instant createdAt, String createdBy) {
}
