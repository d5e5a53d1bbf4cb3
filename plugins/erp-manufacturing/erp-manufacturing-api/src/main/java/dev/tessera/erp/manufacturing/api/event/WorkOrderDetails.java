package dev.tessera.erp.manufacturing.api.event;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A work order as {@code manufacturing.work-order.created}, {@code .released}, {@code .issued}, {@code .completed}
 * and {@code .cancelled} tell it: {@code completed} of {@code quantity} finished so far, each unit at
 * {@code standardUnitCost}.
 */
public record WorkOrderDetails(long id, String number, String sku, BigDecimal quantity, BigDecimal completed,
                               String warehouse, String status, LocalDate dueDate, BigDecimal standardUnitCost) {
}
