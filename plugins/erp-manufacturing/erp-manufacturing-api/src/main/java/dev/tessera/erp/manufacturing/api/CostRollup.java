package dev.tessera.erp.manufacturing.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An item's unit cost rolled up through its bills of materials on a date: {@code materials} (bought components at
 * the inventory's current cost, through every level) plus {@code operations} (every level's operations, per-batch
 * costs divided by the batch's output). {@code uncosted} names bought components whose cost the inventory does not
 * know: they count as zero.
 */
public record CostRollup(String sku, LocalDate date, int bomRevision, BigDecimal unitCost, BigDecimal materials,
                         BigDecimal operations, List<CostLine> lines, List<String> uncosted) {
}
