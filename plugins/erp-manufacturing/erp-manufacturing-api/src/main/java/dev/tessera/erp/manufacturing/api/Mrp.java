package dev.tessera.erp.manufacturing.api;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Material requirements planning. A run nets, per item and day, the demand (open lines of confirmed sales orders, as
 * manufacturing copies them from sales' events; the components open work orders still need; the dependent demand of
 * what it plans itself) against the supply (on hand in every warehouse, what open work orders still make, what open
 * purchase orders bring, as the inventory keeps them) and the item's reorder point as safety stock. Items go level
 * by level (low-level codes from the bills in force), so a made item's planned orders become its components' demand
 * on the day they start. A shortfall becomes a planned order: MAKE for an item with a bill (rounded up to whole
 * batches), BUY for one without; whole units for items counted in pieces; at least the item's reorder quantity.
 * The finished run's planned orders replace the previous run's; firmed ones stay.
 */
@ProviderType
public interface Mrp {
    /**
     * Runs MRP now on this thread, telling {@code progress} how far it is after every block of items. Refused with
     * {@code manufacturing.mrp-running} while another run is going.
     */
    MrpRun run(String actor, Consumer<MrpRun> progress);

    /** Starts a run in the background and returns it RUNNING; {@link #runById(long)} shows its progress. */
    MrpRun start(String actor);

    /** Up to {@code limit} runs with ids below {@code beforeId} (0: from the newest), newest first. */
    List<MrpRun> runs(long beforeId, int limit);

    Optional<MrpRun> runById(long id);

    /** What a run asks besides its planned orders: orders to bring forward, items it could not plan. */
    List<MrpMessage> messages(long runId);

    /** Up to {@code limit} planned orders with ids above {@code afterId}, by id; kind, status and sku filter (null: all). */
    List<PlannedOrder> plannedOrders(PlannedOrderKind kind, PlannedOrderStatus status, String sku, long afterId,
                                     int limit);

    Optional<PlannedOrder> plannedOrder(long id);

    /**
     * Turns a planned order into a draft work order (MAKE) or, when purchasing is enabled, a draft purchase order to
     * its vendor (BUY), in one transaction, and marks it FIRMED with that order's number. Refused: an order firmed
     * already ({@code manufacturing.planned-order-firmed}), a BUY order while purchasing is not enabled
     * ({@code manufacturing.purchasing-not-enabled}) or without a vendor ({@code manufacturing.no-vendor}).
     */
    PlannedOrder firm(long id, String actor);
}
