package dev.tessera.erp.inventory.api.event;

import java.math.BigDecimal;

/**
 * An item's price in a price list, as {@code inventory.price-list.price-changed} tells it; the event's record is the
 * price list.
 *
 * @param priceList the price list's code
 * @param sku       the item
 * @param currency  the price list's currency
 * @param unitPrice the new price of one unit
 */
public record PriceChanged(String priceList, String sku, String currency, BigDecimal unitPrice) {
}
