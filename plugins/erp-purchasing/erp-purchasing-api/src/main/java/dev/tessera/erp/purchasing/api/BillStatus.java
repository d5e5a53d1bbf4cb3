package dev.tessera.erp.purchasing.api;

/**
 * A vendor bill's way: HELD when a line did not match (until an approver releases it, or it is CANCELLED), OPEN
 * once posted to payables, PARTIALLY_PAID, PAID.
 */
public enum BillStatus {
    HELD, OPEN, PARTIALLY_PAID, PAID, CANCELLED
}
