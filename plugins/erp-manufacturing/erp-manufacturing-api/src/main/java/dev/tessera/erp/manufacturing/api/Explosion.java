package dev.tessera.erp.manufacturing.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An item's bill of materials exploded for a quantity on a date, level by level (each component after its parent),
 * and the bought items it needs in all.
 */
public record Explosion(String sku, BigDecimal quantity, LocalDate date, int bomRevision, List<ExplosionLine> lines,
                        List<Requirement> requirements) {
}
