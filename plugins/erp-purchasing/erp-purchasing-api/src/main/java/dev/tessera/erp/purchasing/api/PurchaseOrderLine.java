package dev.tessera.erp.purchasing.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An order line: an item of the inventory's catalog ({@code sku}, received into stock) or a non-stock line (no SKU,
 * received without a stock move). {@code priceAgreementId}: the vendor's agreement the price came from, null for a
 * typed price. {@code warehouse}: where its goods are received by default. {@code received} and {@code billed}: how
 * much arrived and how much posted vendor bills billed.
 */
public record PurchaseOrderLine(int line, String sku, String description, BigDecimal quantity, BigDecimal unitPrice,
                                Long priceAgreementId, BigDecimal net, String taxCode, BigDecimal tax,
                                BigDecimal gross, LocalDate expectedDate, String warehouse, BigDecimal received,
                                BigDecimal billed) {

    /** Whether it is an item received into stock. */
    public boolean stocked() {
        return sku != null;
    }

    /** What is still to be received (zero when received in full or more). */
    public BigDecimal open() {
        return quantity.subtract(received).max(BigDecimal.ZERO);
    }
}
