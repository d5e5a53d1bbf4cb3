package dev.tessera.erp.manufacturing.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A new revision of an item's bill of materials. {@code outputQuantity} 1, not phantom and in force from today when
 * left out.
 */
public record NewBom(String sku, BigDecimal outputQuantity, Boolean phantom, LocalDate effectiveFrom, String note,
                     List<NewBomComponent> components, List<NewBomOperation> operations) {
}
