package dev.tessera.erp.sales.internal.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;

import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.Test;

import dev.tessera.erp.sales.api.NewOrderLine;

class OrderAddCommandTest {
    @Test
    void linesNameAnItemOrAServiceWithPriceDiscountAndTerm() throws Exception {
        assertEquals(new NewOrderLine("MUG-1", null, new BigDecimal("400"), null, new BigDecimal("10"), null, null),
                OrderAddCommand.parse("400 MUG-1 -10%", null));
        assertEquals(new NewOrderLine(null, "Support plan", BigDecimal.ONE, new BigDecimal("1200"), null, "VAT19", 12),
                OrderAddCommand.parse("1 Support plan @ 1200 /12 months", "VAT19"));
        assertThrows(CommandException.class, () -> OrderAddCommand.parse("a few mugs", null));
    }
}
