package dev.tessera.erp.manufacturing.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Bills of materials in revisions, their explosion and their cost roll-up. A new revision publishes
 * {@code manufacturing.bom.created} in its transaction.
 */
@ProviderType
public interface Boms {

    /** Up to {@code limit} revisions with ids above {@code afterId}, by id; {@code sku} null for every item. */
    List<Bom> boms(String sku, long afterId, int limit);

    Optional<Bom> bom(long id);

    /** The revision of the item's bill in force on {@code date}: the latest that took effect on or before it. */
    Optional<Bom> inForce(String sku, LocalDate date);

    /** Every revision of the item's bill, oldest first. */
    List<Bom> revisions(String sku);

    /**
     * Makes the next revision of the item's bill. Refused: unknown items or work centers, the item among its own
     * components, a cycle through other bills (the message names the path), a zero or negative quantity, scrap of
     * 100 % or more, an effective date before the latest revision's or, after the first revision, before today.
     */
    Bom create(NewBom bom, String actor);

    /** The item's bill in force on {@code date} exploded for {@code quantity} of it, through every level. */
    Explosion explode(String sku, BigDecimal quantity, LocalDate date);

    /** The item's unit cost rolled up through its bills in force on {@code date}. */
    CostRollup cost(String sku, LocalDate date);
}
