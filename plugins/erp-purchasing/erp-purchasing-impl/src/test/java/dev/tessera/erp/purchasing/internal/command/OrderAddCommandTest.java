package dev.tessera.erp.purchasing.internal.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.Test;

import dev.tessera.erp.purchasing.api.NewPurchaseOrderLine;
import dev.tessera.erp.purchasing.api.ReceiveLine;

class OrderAddCommandTest {
    @Test
    void itemLinesAreSkuQuantityAndAnOptionalPrice() throws Exception {
        assertEquals(new NewPurchaseOrderLine("MUG-1", null, new BigDecimal("200"), null, null, null, null),
                OrderAddCommand.item("MUG-1:200", null, null));
        LocalDate may = LocalDate.of(2026, 5, 1);
        assertEquals(new NewPurchaseOrderLine("MUG-1", null, new BigDecimal("200"), new BigDecimal("2.10"), "VAT19",
                may, null), OrderAddCommand.item("MUG-1:200:2.10", "VAT19", may));
        assertThrows(CommandException.class, () -> OrderAddCommand.item("MUG-1", null, null));
        assertThrows(CommandException.class, () -> OrderAddCommand.item("MUG-1:many", null, null));
    }

    @Test
    void textLinesAreDescriptionQuantityAndPriceWithColonsInTheDescription() throws Exception {
        assertEquals(new NewPurchaseOrderLine(null, "Freight", BigDecimal.ONE, new BigDecimal("35"), null, null, null),
                OrderAddCommand.text("Freight:1:35", null, null));
        assertEquals(new NewPurchaseOrderLine(null, "Service: setup", new BigDecimal("2"), new BigDecimal("80"), null,
                null, null), OrderAddCommand.text("Service: setup:2:80", null, null));
        assertThrows(CommandException.class, () -> OrderAddCommand.text("Freight:35", null, null));
    }

    @Test
    void receiptLinesAreLineAndQuantity() throws Exception {
        assertEquals(List.of(new ReceiveLine(1, new BigDecimal("120"), null, null, "L7"),
                new ReceiveLine(2, BigDecimal.ONE, null, null, "L7")), ReceiveCommand.parse(List.of("1:120", "2:1"),
                null, "L7"));
        assertThrows(CommandException.class, () -> ReceiveCommand.parse(List.of("one:1"), null, null));
    }
}
