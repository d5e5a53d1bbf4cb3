package dev.tessera.erp.purchasing.api;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Purchase orders: drafted, changed, approved, sent, cancelled. Every operation is one transaction with its
 * {@code purchasing.purchase-order.*} event and, for a new order, its gap-free number.
 */
@ProviderType
public interface PurchaseOrders {

    /** Up to {@code limit} orders with ids above {@code afterId}, by id; null filters match all. */
    List<PurchaseOrder> orders(PurchaseOrderStatus status, Long vendorId, long afterId, int limit);

    Optional<PurchaseOrder> order(long id);

    Optional<PurchaseOrder> orderByNumber(String number);

    /** A draft order, priced from the vendor's agreements (unless typed) and taxed by the ledger's engine. */
    PurchaseOrder createOrder(NewPurchaseOrder order, String actor);

    /**
     * Changes a draft, approved or sent order. A draft keeps its revision; an approved or sent one gets revision + 1
     * and goes back to DRAFT, to be approved again. Refused once anything was received.
     */
    PurchaseOrder changeOrder(long id, PurchaseOrderChanges changes, String actor);

    /**
     * Approves a draft. An order whose net total is above the configured {@code approvalAbove} needs an approver with
     * role {@code purchasing-approver} or {@code admin} who is neither its author nor its reviser
     * ({@code purchasing.own-approval}); at or below it role {@code purchasing} suffices.
     *
     * @param actorRoles the roles the approver authenticated with
     */
    PurchaseOrder approve(long id, String actor, Set<String> actorRoles);

    /** Marks an approved order as sent to the vendor. */
    PurchaseOrder send(long id, String actor);

    /** Cancels an order nothing was received on. */
    PurchaseOrder cancel(long id, String reason, String actor);

    /**
     * Closes an order that got part or all of its goods: nothing more is to come (what is still open is no longer
     * incoming) and no more is received on it; bills for what was received may still come.
     */
    PurchaseOrder close(long id, String reason, String actor);

    /**
     * Turns the inventory's reorder suggestions into draft orders in one transaction: one order per preferred vendor
     * (the one whose agreement valid today prices the suggested quantity lowest, the shorter lead time on a tie), a
     * line per item, received into {@code warehouse} (null: each line's default). Items no active vendor has an
     * agreement for are left out and named.
     */
    ReorderOrders fromReorder(String warehouse, String actor);
}
