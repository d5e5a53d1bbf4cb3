package dev.tessera.erp.inventory.api;

/** The kinds of stock move. */
public enum MoveType {
    RECEIPT, ISSUE, TRANSFER, ADJUSTMENT
}
