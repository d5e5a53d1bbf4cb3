package dev.tessera.erp.manufacturing.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A message of an MRP run. For EXPEDITE: {@code quantity} of the order {@code reference} (a work order's or
 * purchase order's number) due on {@code dueDate} is needed on {@code neededDate}. For NOT_PLANNED: {@code text} says
 * why the item was not planned.
 */
public record MrpMessage(long runId, int sequence, MrpMessageKind kind, String sku, String reference,
                         BigDecimal quantity, LocalDate dueDate, LocalDate neededDate, String text) {
}
