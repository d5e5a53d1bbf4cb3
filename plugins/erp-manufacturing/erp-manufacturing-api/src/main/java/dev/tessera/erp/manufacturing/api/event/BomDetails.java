package dev.tessera.erp.manufacturing.api.event;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import dev.tessera.erp.manufacturing.api.BomComponent;
import dev.tessera.erp.manufacturing.api.BomOperation;

/** A revision of a bill of materials, as {@code manufacturing.bom.created} tells it. */
public record BomDetails(long id, String sku, int revision, LocalDate effectiveFrom, BigDecimal outputQuantity,
                         boolean phantom, List<BomComponent> components, List<BomOperation> operations) {
}
