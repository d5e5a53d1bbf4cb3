package dev.tessera.erp.inventory.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Items and selling prices, owned by the inventory; the CRM reads them (and keeps a copy from the events), it never
 * writes them.
 */
@ProviderType
public interface Catalog {

    /** Up to {@code limit} items with SKUs after {@code afterSku}, by SKU. */
    List<Item> items(String afterSku, int limit);

    Optional<Item> item(String sku);

    /**
     * Whether items in this unit of measure are counted in whole units (pcs, each, box...): their quantities in
     * stock moves and reservations are whole numbers.
     */
    boolean countedInWholeUnits(String uom);

    Item createItem(NewItem item, String actor);

    /** Changes an item's name, category, reorder settings or standard cost; SKU and valuation method stay. */
    Item updateItem(String sku, NewItem changes, String actor);

    /** Deactivates an item (no new moves or reservations; its history stays) or reactivates it. */
    Item setActive(String sku, boolean active, String actor);

    /** Creates items from a list, all or none; {@code progress} hears how many are written. */
    int importItems(List<NewItem> items, IntConsumer progress, String actor);

    PriceList createPriceList(PriceList list, String actor);

    List<PriceList> priceLists();

    Price setPrice(String priceList, String sku, BigDecimal unitPrice, String actor);

    /**
     * The price of an item for a customer group in a currency on a date: from the group's list valid that day, else
     * from a list for all customers; empty when there is none.
     */
    Optional<Price> price(String sku, String currency, String customerGroup, LocalDate date);

    /**
     * Prices document lines for a customer group in a currency on a date: each catalog item from the group's list (else
     * the list for all customers) unless a price is typed. The same routine prices quotes and orders; see
     * {@link Pricing}.
     */
    Pricing price(List<LineToPrice> lines, String currency, String customerGroup, LocalDate date);
}
