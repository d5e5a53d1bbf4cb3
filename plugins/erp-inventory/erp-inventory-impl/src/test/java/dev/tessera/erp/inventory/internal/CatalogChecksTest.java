package dev.tessera.erp.inventory.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tessera.erp.inventory.api.Item;
import dev.tessera.erp.inventory.api.NewItem;
import dev.tessera.erp.inventory.api.ValuationMethod;
import dev.tessera.platform.api.FieldError;
import dev.tessera.platform.api.ValidationException;

class CatalogChecksTest {
    @Test
    void anItemNamesEveryWrongFieldAndDefaultsToFifo() {
        List<FieldError> errors = new ArrayList<>();
        assertNull(CatalogImpl.check(new NewItem("bad sku!", " ", null, null, null, ValuationMethod.STANDARD, null,
                new BigDecimal("-1"), new BigDecimal("0.00001")), "rows[1].", errors, false));
        assertEquals(List.of("rows[1].sku", "rows[1].name", "rows[1].uom", "rows[1].standardCost", "rows[1].reorderPoint",
                "rows[1].reorderQuantity"), errors.stream().map(FieldError::field).toList());
        Item ok = CatalogImpl.check(new NewItem("MUG-1", "Mug", "pcs", null, null, null, null, null, null), "", errors, true);
        assertEquals(ValuationMethod.FIFO, ok.valuationMethod());
    }

    @Test
    void anUpdateEventCarriesOnlyWhatChanged() {
        Item before = new Item("MUG-1", "Mug", "pcs", null, true, false, ValuationMethod.FIFO, null, null, null);
        Item after = new Item("MUG-1", "Big mug", "pcs", null, true, false, ValuationMethod.FIFO, null, new BigDecimal("5"), null);
        var diff = dev.tessera.erp.inventory.api.event.InventoryEvents.ITEM_UPDATED.changed("MUG-1", 2, "itest", before,
                after).changes();
        assertEquals(List.of("name", "reorderPoint"), List.copyOf(diff.keySet()));
        assertEquals("Mug", diff.get("name").oldValue());
        assertEquals(new BigDecimal("5"), diff.get("reorderPoint").newValue());
    }

    @Test
    void itemsReadFromCsvAllOrNothing() {
        List<NewItem> items = ItemsCsv.parse("sku,name,uom,category,valuation,standardCost,reorderPoint,reorderQuantity,lotTracked\n"
                + "MUG-1,\"Mug, large\",pcs,kitchen,moving-average,,5,20,no\nFLOUR,Flour,kg,,standard,0.80,,,yes\n");
        assertEquals(ValuationMethod.MOVING_AVERAGE, items.get(0).valuationMethod());
        assertEquals("Mug, large", items.get(0).name());
        assertEquals(Boolean.TRUE, items.get(1).lotTracked());
        ValidationException e = assertThrows(ValidationException.class,
                () -> ItemsCsv.parse("A,Thing,pcs,,lifo\nB\nC,Other,pcs,,,abc\n"));
        assertEquals(List.of("rows[1].valuation", "rows[2]", "rows[3].standardCost"),
                e.errors().stream().map(FieldError::field).toList());
    }
}
