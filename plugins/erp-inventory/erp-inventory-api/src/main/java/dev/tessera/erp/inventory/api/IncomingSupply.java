package dev.tessera.erp.inventory.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Goods on order and not received yet: an approved or sent purchase order line, as the inventory keeps it from
 * purchasing's events. {@code warehouse} is where it is to arrive, null when the order leaves it to the receipt.
 */
public record IncomingSupply(String sku, String orderNumber, int line, String vendorCode, String warehouse,
                             BigDecimal quantity, LocalDate expectedDate) {
}
