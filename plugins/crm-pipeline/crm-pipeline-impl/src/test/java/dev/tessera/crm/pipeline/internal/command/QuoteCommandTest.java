package dev.tessera.crm.pipeline.internal.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;

import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.Test;

import dev.tessera.crm.pipeline.api.NewQuoteLine;

class QuoteCommandTest {
    @Test
    void linesNameASkuOrADescriptionWithOptionalPriceAndDiscount() throws Exception {
        assertEquals(new NewQuoteLine("MUG-1", null, new BigDecimal("400"), null, new BigDecimal("10"), null),
                QuoteCommand.parse("400 MUG-1 -10%", null));
        assertEquals(new NewQuoteLine(null, "Logo print set-up", BigDecimal.ONE, new BigDecimal("250"), null, "VAT7"),
                QuoteCommand.parse("1 Logo print set-up @ 250", "VAT7"));
        assertEquals(new NewQuoteLine("TSHIRT-M", null, new BigDecimal("3"), new BigDecimal("18.50"), null, null),
                QuoteCommand.parse("3 TSHIRT-M @18.50", null));
        assertThrows(CommandException.class, () -> QuoteCommand.parse("MUG-1", null));
    }
}
