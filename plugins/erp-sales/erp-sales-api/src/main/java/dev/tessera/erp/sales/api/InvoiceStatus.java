package dev.tessera.erp.sales.api;

/** ISSUED and PARTIALLY_PAID invoices are open; PAID and CREDITED are settled. A credit note is ISSUED once. */
public enum InvoiceStatus {
    ISSUED, PARTIALLY_PAID, PAID, CREDITED
}
