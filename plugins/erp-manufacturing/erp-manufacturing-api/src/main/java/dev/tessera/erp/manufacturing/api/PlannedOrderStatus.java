package dev.tessera.erp.manufacturing.api;

/**
 * PLANNED: a suggestion of the latest MRP run, replaced by the next run. FIRMED: turned into a draft work order or a
 * draft purchase order ({@code firmedAs} names it); the next run counts that order as supply instead.
 */
public enum PlannedOrderStatus {
    PLANNED, FIRMED
}
