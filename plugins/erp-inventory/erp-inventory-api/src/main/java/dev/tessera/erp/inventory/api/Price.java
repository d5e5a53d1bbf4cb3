package dev.tessera.erp.inventory.api;

import java.math.BigDecimal;

/** An item's unit price on a price list. */
public record Price(String priceList, String sku, String currency, BigDecimal unitPrice) {
}
