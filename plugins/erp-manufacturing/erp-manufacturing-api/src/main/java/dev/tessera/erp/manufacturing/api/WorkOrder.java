package dev.tessera.erp.manufacturing.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A work order making {@code quantity} of an item in a warehouse from the bill of materials revision in force when
 * it was made. {@code standardMaterials} + {@code standardOperations} is the rolled-up cost of one unit then, the
 * cost the finished goods go into stock at, split as the order sees it: operations are those it runs itself (its
 * bill's and its phantoms'), materials all it is issued (made components at their whole rolled-up cost).
 * {@code actualMaterials} is the value of the components issued, {@code actualOperations} the cost of the time
 * recorded; a closed order's variances are actual minus standard for what it finished.
 */
public record WorkOrder(long id, String number, String sku, long bomId, int bomRevision, BigDecimal quantity,
                        BigDecimal completed, String warehouse, WorkOrderStatus status, LocalDate dueDate,
                        BigDecimal standardMaterials, BigDecimal standardOperations, BigDecimal actualMaterials,
                        BigDecimal actualOperations, BigDecimal materialsVariance, BigDecimal operationsVariance,
                        List<WorkOrderComponent> components, List<WorkOrderOperation> operations, String note,
                        long version, Instant createdAt, String createdBy, String releasedBy, String closedBy) {
}
