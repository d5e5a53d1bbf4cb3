package dev.tessera.erp.purchasing.api;

import java.math.BigDecimal;

/**
 * One line of a vendor's bill: which line of the order it bills ({@code line}, from 1), how many and at what price
 * (the order's price when absent); {@code taxCode} the ledger's tax code (the order line's when absent).
 */
public record NewBillLine(Integer line, BigDecimal quantity, BigDecimal unitPrice, String taxCode) {
}
