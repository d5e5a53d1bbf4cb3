package dev.tessera.erp.inventory.api;

import java.time.LocalDate;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Warehouses and stock. Every change is a move on the append-only stock ledger, in one transaction with its event
 * (whose payload carries the move's value, for the ledger to post). Moves of one item are serialised, so stock
 * never goes negative and nothing is reserved or issued twice, however many callers run at once.
 */
@ProviderType
public interface StockService {

    Warehouse createWarehouse(String code, String name, String actor);

    Warehouse addLocation(String warehouse, String location, String actor);

    List<Warehouse> warehouses();

    StockMove receive(Receipt receipt, String actor);

    StockMove issue(Issue issue, String actor);

    StockMove transfer(Transfer transfer, String actor);

    /** Books the difference between the count and the stock on hand there; empty when they agree. */
    Optional<StockMove> count(Count count, String actor);

    /** Holds {@code quantity} of an item in a warehouse for {@code reference}, or refuses with insufficient-stock. */
    Reservation reserve(String sku, String warehouse, BigDecimal quantity, String reference, String actor);

    Reservation release(long reservation, String actor);

    Optional<Reservation> reservation(long id);

    /** Stock per warehouse of an item ({@code warehouse} null: every warehouse). */
    List<StockLevel> stock(String sku, String warehouse);

    /** What can still be promised today: available stock of the item over all warehouses. */
    BigDecimal availableToPromise(String sku);

    /**
     * What can be promised for delivery on {@code by}: available stock of the item over all warehouses and what open
     * purchase orders bring in until then.
     */
    BigDecimal availableToPromise(String sku, LocalDate by);

    /** Goods on order and not received yet, by expected date; {@code sku} null for every item. */
    List<IncomingSupply> incoming(String sku);

    /**
     * Takes a price difference of received goods into the stock still on hand from that receipt, in proportion:
     * under FIFO the part of the receipt's cost layer not issued yet, under moving average the part of the receipt
     * the warehouse still holds, under standard cost nothing. The stock part is a REVALUATION move and its
     * {@code inventory.stock-move.recorded} event (move {@code revaluation}), which the ledger's shipped rules do not
     * book: the bill that caused it books it, together with the rest of the difference.
     */
    Revalued revalue(Revaluation revaluation, String actor);

    /** Up to {@code limit} moves with ids above {@code afterId}; {@code sku} null for all items. */
    List<StockMove> moves(String sku, long afterId, int limit);

    List<ReorderSuggestion> reorderSuggestions();

    /** Quantity and value at cost per item at the end of {@code asOf}. */
    List<ValuationLine> valuation(LocalDate asOf);
}
