package dev.tessera.erp.inventory.api;

/**
 * The kinds of stock move. A REVALUATION changes the value of stock still on hand from a receipt (a vendor's bill
 * priced it differently), never its quantity.
 */
public enum MoveType {
    RECEIPT, ISSUE, TRANSFER, ADJUSTMENT, REVALUATION
}
