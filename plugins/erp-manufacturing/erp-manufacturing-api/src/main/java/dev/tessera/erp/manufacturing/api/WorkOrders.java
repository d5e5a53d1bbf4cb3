package dev.tessera.erp.manufacturing.api;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Work orders, numbered {@code WO-yyyy-nnnnnn} without gaps: draft → released (components reserved) → in progress
 * (components issued, time recorded, goods finished in parts) → completed → closed (variances booked), or cancelled.
 * Components move through the inventory's stock ledger with the work order's number as reference; every step
 * publishes its {@code manufacturing.work-order.*} event in the same transaction.
 */
@ProviderType
public interface WorkOrders {

    /** Up to {@code limit} orders with ids above {@code afterId}, by id; {@code status} and {@code sku} filter. */
    List<WorkOrder> workOrders(WorkOrderStatus status, String sku, long afterId, int limit);

    Optional<WorkOrder> workOrder(long id);

    Optional<WorkOrder> workOrderByNumber(String number);

    /**
     * Plans a work order from the item's bill of materials in force on its bill date (today when it has none), at
     * its rolled-up cost then.
     */
    WorkOrder create(NewWorkOrder order, String actor);

    /**
     * Reserves every component in the order's warehouse. Refused, naming each component short and by how much, when
     * the warehouse does not have them available.
     */
    WorkOrder release(long id, String actor);

    /** Issues components from their reservations (more than reserved comes from free stock); none: all still due. */
    WorkOrder issue(long id, List<IssueLine> lines, String actor);

    /** Records the hours operations took; the first recording of an operation adds its per-batch costs. */
    WorkOrder recordTime(long id, List<OperationTime> times, String actor);

    /** Receives {@code quantity} finished goods into stock at the order's standard unit cost; never more than planned. */
    WorkOrder complete(long id, BigDecimal quantity, String lot, String actor);

    /** Closes the order: releases what is still reserved and books its variances. */
    WorkOrder close(long id, String actor);

    /** Cancels a draft or released order before anything was issued or finished; releases its reservations. */
    WorkOrder cancel(long id, String actor);
}
