package dev.tessera.erp.sales.api;

/** An invoice, or a credit note that takes (part of) an invoice back. */
public enum InvoiceKind {
    INVOICE, CREDIT_NOTE
}
