package dev.tessera.erp.inventory.api.event;

import java.util.Set;

import dev.tessera.erp.inventory.api.Item;
import dev.tessera.erp.inventory.api.PriceList;
import dev.tessera.erp.inventory.api.Reservation;
import dev.tessera.erp.inventory.api.Warehouse;
import dev.tessera.platform.api.RecordType;
import dev.tessera.platform.api.event.EventType;

/** The record types the inventory owns and the events it publishes about them. */
public interface InventoryEvents {
    String PREFIX = "inventory";

    EventType<Item> ITEM_CREATED = EventType.of(PREFIX, "item", "created", Item.class, 1,
            "An item was added to the catalog");
    EventType<Item> ITEM_UPDATED = EventType.of(PREFIX, "item", "updated", Item.class, 1,
            "An item of the catalog changed (name, unit, costs, reorder settings, deactivated)");
    EventType<PriceList> PRICE_LIST_CREATED = EventType.of(PREFIX, "price-list", "created", PriceList.class, 1,
            "A price list was created");
    EventType<PriceChanged> PRICE_CHANGED = EventType.of(PREFIX, "price-list", "price-changed", PriceChanged.class,
            1, "An item's price in a price list was set or changed");
    EventType<Warehouse> WAREHOUSE_CREATED = EventType.of(PREFIX, "warehouse", "created", Warehouse.class, 1,
            "A warehouse was created, with its main location");
    EventType<Warehouse> WAREHOUSE_UPDATED = EventType.of(PREFIX, "warehouse", "updated", Warehouse.class, 1,
            "A warehouse got another location");
    EventType<StockMoved> STOCK_MOVED = EventType.of(PREFIX, "stock-move", "recorded", StockMoved.class, 1,
            "Goods were received, issued, transferred or counted: one move of the stock ledger, valued");
    EventType<Reservation> RESERVATION_CREATED = EventType.of(PREFIX, "stock-reservation", "created",
            Reservation.class, 1, "Stock was reserved for a document");
    EventType<Reservation> RESERVATION_RELEASED = EventType.of(PREFIX, "stock-reservation", "released",
            Reservation.class, 1, "A reservation was released: what it still held is available again");
    EventType<StockLow> STOCK_LOW = EventType.of(PREFIX, "stock-level", "low", StockLow.class, 1,
            "An item's available stock fell below its reorder point");

    Set<RecordType> OWNS = Set.of(ITEM_CREATED.recordType(), PRICE_LIST_CREATED.recordType(),
            WAREHOUSE_CREATED.recordType(), STOCK_MOVED.recordType(), RESERVATION_CREATED.recordType(),
            STOCK_LOW.recordType());

    Set<EventType<?>> ALL = Set.of(ITEM_CREATED, ITEM_UPDATED, PRICE_LIST_CREATED, PRICE_CHANGED, WAREHOUSE_CREATED,
            WAREHOUSE_UPDATED, STOCK_MOVED, RESERVATION_CREATED, RESERVATION_RELEASED, STOCK_LOW);
}
