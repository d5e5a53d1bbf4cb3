package dev.tessera.erp.purchasing.api;

/**
 * A purchase order's way: DRAFT until approved, APPROVED, SENT to the vendor, received in parts or whole
 * (PARTIALLY_RECEIVED, RECEIVED), BILLED by the vendor's bills, CLOSED. CANCELLED ends an order nothing was received
 * on. Changing an approved or sent order makes a new revision, back in DRAFT to be approved again. Goods may be
 * received on APPROVED, SENT and PARTIALLY_RECEIVED orders.
 */
public enum PurchaseOrderStatus {
    DRAFT, APPROVED, SENT, PARTIALLY_RECEIVED, RECEIVED, BILLED, CLOSED, CANCELLED
}
