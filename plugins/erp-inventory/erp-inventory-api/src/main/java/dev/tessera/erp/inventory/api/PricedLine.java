package dev.tessera.erp.inventory.api;

import java.math.BigDecimal;

/**
 * A priced document line, before tax: the same for a quote and for the order made of it.
 *
 * @param sku             the item, or null for a line of its own
 * @param catalogItem     whether the SKU is an active item of the catalog (false when priced without the catalog)
 * @param quantity        how many, without trailing zeros
 * @param unitPrice       the price of one, without trailing zeros
 * @param discountPercent 0 to 100
 * @param net             quantity x unit price less the discount, rounded half up to the currency
 * @param priceList       the price list the unit price came from, or null for a typed price
 */
public record PricedLine(String sku, String description, boolean catalogItem, BigDecimal quantity,
                         BigDecimal unitPrice, BigDecimal discountPercent, BigDecimal net, String priceList) {

    /** Whether the unit price was typed rather than taken from a price list. */
    public boolean manualPrice() {
        return priceList == null;
    }
}
