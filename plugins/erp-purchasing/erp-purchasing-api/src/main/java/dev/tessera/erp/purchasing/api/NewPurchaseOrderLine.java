package dev.tessera.erp.purchasing.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A line to order: an item by {@code sku} (priced from the vendor's agreement unless {@code unitPrice} is typed) or
 * a non-stock line by {@code description} (its price must be typed). {@code quantity} above zero is required;
 * {@code taxCode} (a ledger tax code) is optional; {@code expectedDate} defaults to the order date plus the
 * agreement's or vendor's lead time; {@code warehouse} to the order's.
 */
public record NewPurchaseOrderLine(String sku, String description, BigDecimal quantity, BigDecimal unitPrice,
                                   String taxCode, LocalDate expectedDate, String warehouse) {
}
