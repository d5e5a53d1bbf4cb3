package dev.tessera.erp.manufacturing.api;

/** What a planned order suggests: MAKE an item that has a bill of materials in force, BUY one that has none. */
public enum PlannedOrderKind {
    MAKE, BUY
}
