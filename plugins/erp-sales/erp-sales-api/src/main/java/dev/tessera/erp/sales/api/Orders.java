package dev.tessera.erp.sales.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Sales orders and their shipments. Orders are made from accepted quotes (from {@code pipeline.quote.accepted},
 * one order per quote however often the event comes) or entered directly.
 */
@ProviderType
public interface Orders {

    /** Up to {@code limit} orders with ids above {@code afterId}; null filters match all. */
    List<SalesOrder> orders(OrderStatus status, Long accountId, long afterId, int limit);

    Optional<SalesOrder> order(long id);

    Optional<SalesOrder> orderOfQuote(long quoteId);

    /** A draft order entered directly; priced as given, taxed by the ledger's tax engine when it is enabled. */
    SalesOrder createOrder(NewOrder order, String actor);

    /** Checks the customer's credit limit and reserves the stocked lines (when the inventory is enabled). */
    SalesOrder confirm(long id, String actor);

    /** Cancels an order that has no shipment or invoice yet, releasing its reservations. */
    SalesOrder cancel(long id, String reason, String actor);

    /** Ships part or all of a confirmed order; stocked lines are issued from the stock, consuming their reservation. */
    Shipment ship(long id, List<ShipLine> lines, String actor);

    List<Shipment> shipments(long orderId);
}
