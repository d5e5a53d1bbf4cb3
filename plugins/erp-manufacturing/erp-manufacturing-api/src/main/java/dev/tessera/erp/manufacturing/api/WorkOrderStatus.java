package dev.tessera.erp.manufacturing.api;

/**
 * Where a work order is: DRAFT (planned), RELEASED (its components reserved), IN_PROGRESS (components issued, time
 * recorded or goods finished), COMPLETED (all of it finished), CLOSED (its variances booked, nothing more to come),
 * CANCELLED (before anything was issued or finished).
 */
public enum WorkOrderStatus {
    DRAFT, RELEASED, IN_PROGRESS, COMPLETED, CLOSED, CANCELLED
}
