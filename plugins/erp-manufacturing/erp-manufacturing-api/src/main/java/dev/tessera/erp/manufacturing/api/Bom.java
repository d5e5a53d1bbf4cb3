package dev.tessera.erp.manufacturing.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One revision of an item's bill of materials, never changed once made: a batch makes {@code outputQuantity} of
 * {@code sku} from its components and operations. It is in force from {@code effectiveFrom} until a later revision
 * takes effect. A {@code phantom} bill is never made on its own: where it is a component, its components and
 * operations count as its parent's.
 */
public record Bom(long id, String sku, int revision, LocalDate effectiveFrom, BigDecimal outputQuantity,
                  boolean phantom, String note, List<BomComponent> components, List<BomOperation> operations,
                  Instant createdAt, String createdBy) {
}
