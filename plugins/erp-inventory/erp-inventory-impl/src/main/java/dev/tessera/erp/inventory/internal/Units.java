package dev.tessera.erp.inventory.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.tessera.erp.inventory.api.InventoryErrors;
import dev.tessera.erp.inventory.api.Item;
import dev.tessera.platform.api.FieldError;
import dev.tessera.platform.api.ValidationException;

/**
 * Units of measure that count things: an item kept in pieces, boxes or pairs moves in whole ones, so 1.5 of them is
 * a typing error to refuse, not a quantity to book. Items measured in kilograms, metres or litres take fractions.
 */
final class Units {
    private static final Set<String> COUNTED = Set.of("pcs", "pc", "piece", "pieces", "ea", "each", "unit", "units",
            "box", "boxes", "pair", "pairs", "set", "sets", "pack", "packs", "roll", "rolls", "pallet", "pallets");

    private Units() {
    }

    /** Whether an item in this unit is counted in whole units. */
    static boolean counted(String uom) {
        return uom != null && COUNTED.contains(uom.trim().toLowerCase(Locale.ROOT));
    }

    /** Refuses a fraction of an item counted in whole units, naming the field. */
    static void requireWhole(Item item, BigDecimal quantity, String field) {
        if (quantity != null && counted(item.uom()) && quantity.stripTrailingZeros().scale() > 0) {
            String plain = quantity.stripTrailingZeros().toPlainString();
            throw new ValidationException(InventoryErrors.INVALID, item.sku() + " is counted in whole " + item.uom()
                    + "; " + plain + " is not a whole number", List.of(new FieldError(field,
                    "must be a whole number of " + item.uom() + ", not " + plain)));
        }
    }
}
