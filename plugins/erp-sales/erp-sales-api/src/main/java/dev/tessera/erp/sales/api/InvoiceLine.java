package dev.tessera.erp.sales.api;

import java.math.BigDecimal;

/** An invoice line from an order line ({@code orderLine}), taxed by the ledger's tax engine. */
public record InvoiceLine(int line, Integer orderLine, String sku, String description, BigDecimal quantity,
                          BigDecimal unitPrice, BigDecimal discountPercent, BigDecimal net, String taxCode,
                          BigDecimal tax, BigDecimal gross) {
}
