package dev.tessera.erp.sales.api;

import java.math.BigDecimal;

/**
 * An order line. A {@code stocked} line is an item of the inventory's catalog: it is reserved when the order is
 * confirmed ({@code reservationId}, from {@code warehouse}), issued when shipped, and invoiced as shipped; other lines
 * (services, or every line while the inventory is not enabled) are invoiced as ordered. {@code contractMonths}: a
 * contract term that starts when the line is invoiced.
 */
public record OrderLine(int line, String sku, String description, BigDecimal quantity, BigDecimal unitPrice,
                        BigDecimal discountPercent, BigDecimal net, String taxCode, BigDecimal tax, BigDecimal gross,
                        boolean stocked, String warehouse, Long reservationId, BigDecimal shipped,
                        BigDecimal invoiced, Integer contractMonths) {
}
