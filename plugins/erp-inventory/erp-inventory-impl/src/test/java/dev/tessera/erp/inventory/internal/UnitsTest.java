package dev.tessera.erp.inventory.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import dev.tessera.erp.inventory.api.Item;
import dev.tessera.erp.inventory.api.ValuationMethod;
import dev.tessera.platform.api.ValidationException;

class UnitsTest {
    @Test
    void piecesBoxesAndPairsAreCountedWhateverTheirCaseWhileWeightsAndLengthsAreMeasured() {
        assertTrue(Units.counted("pcs"));
        assertTrue(Units.counted(" Box "));
        assertTrue(Units.counted("EA"));
        assertFalse(Units.counted("kg"));
        assertFalse(Units.counted("m"));
        assertFalse(Units.counted(null));
    }

    @Test
    void aFractionOfACountedItemIsRefusedNamingTheFieldAndTrailingZerosAreWhole() {
        Item mug = item("pcs");
        ValidationException refused = assertThrows(ValidationException.class,
                () -> Units.requireWhole(mug, new BigDecimal("1.5"), "lines[2].quantity"));
        assertEquals("lines[2].quantity", refused.errors().get(0).field());
        assertTrue(refused.errors().get(0).message().contains("whole number of pcs, not 1.5"));
        assertDoesNotThrow(() -> Units.requireWhole(mug, new BigDecimal("2.000"), "quantity"));
        assertDoesNotThrow(() -> Units.requireWhole(item("kg"), new BigDecimal("0.125"), "quantity"));
    }

    private static Item item(String uom) {
        return new Item("MUG-1", "Mug", uom, null, true, false, ValuationMethod.FIFO, null, null, null);
    }
}
