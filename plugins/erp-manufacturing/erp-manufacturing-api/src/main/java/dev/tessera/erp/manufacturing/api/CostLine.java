package dev.tessera.erp.manufacturing.api;

import java.math.BigDecimal;

/**
 * One line of a cost roll-up, for one unit of the rolled-up item: a component ({@code supply} says how it comes) or
 * an operation ({@code supply} null, {@code sku} null, {@code workCenter} set). {@code quantity} is what one unit
 * needs (of the component, or of hours for an operation), {@code unitCost} what one of it costs, and
 * {@code materials} + {@code operations} its share of the unit cost. {@code source} says where the cost came from.
 */
public record CostLine(int level, String path, String sku, String workCenter, Supply supply, BigDecimal quantity,
                       BigDecimal unitCost, BigDecimal materials, BigDecimal operations, String source) {
}
