package dev.tessera.erp.sales.api;

/**
 * An order's way: DRAFT until confirmed (credit checked, stock reserved), then shipped in parts or whole, invoiced,
 * paid. CANCELLED releases its reservations; only orders without shipments or invoices can be cancelled.
 */
public enum OrderStatus {
    DRAFT, HELD, CONFIRMED, PARTIALLY_SHIPPED, SHIPPED, INVOICED, PAID, CANCELLED
}
