package dev.tessera.erp.manufacturing.api.event;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a work order cost, as {@code manufacturing.work-order.time-recorded} (the {@code operationsCost} of one
 * recording, {@code timeRecord} its number) and {@code .closed} (the variances: actual minus standard for what was
 * finished; the rest 0) tell it.
 */
public record WorkOrderCosts(long id, String number, String sku, String warehouse, LocalDate date, long timeRecord,
                             BigDecimal operationsCost, BigDecimal completed, BigDecimal actualMaterials,
                             BigDecimal actualOperations, BigDecimal materialsVariance,
                             BigDecimal operationsVariance) {
}
