package dev.tessera.erp.manufacturing.api;

import java.math.BigDecimal;

/** Hours an operation of a work order took (set-up and run together). */
public record OperationTime(int sequence, BigDecimal hours) {
}
