package dev.tessera.erp.manufacturing.internal.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;

import org.apache.karaf.shell.support.CommandException;
import org.junit.jupiter.api.Test;

import dev.tessera.erp.manufacturing.api.NewBomComponent;
import dev.tessera.erp.manufacturing.api.NewBomOperation;

class BomAddCommandTest {
    @Test
    void aComponentIsQuantitySkuAndOptionalScrap() throws Exception {
        assertEquals(new NewBomComponent("CARD-SHEET", new BigDecimal("3"), new BigDecimal("10")),
                BomAddCommand.component("3 CARD-SHEET +10%"));
        assertEquals(new NewBomComponent("INK-CL", new BigDecimal("4.5"), null), BomAddCommand.component(" 4.5 INK-CL "));
    }

    @Test
    void anOperationIsAWorkCenterWithNamedTimesAndCost() throws Exception {
        NewBomOperation op = BomAddCommand.operation("PRINTING setup 0.25 run 0.05 fixed 4");
        assertEquals("PRINTING", op.workCenter());
        assertEquals(new BigDecimal("0.25"), op.setupHours());
        assertEquals(new BigDecimal("0.05"), op.runHoursPerUnit());
        assertEquals(new BigDecimal("4"), op.fixedCost());
        NewBomOperation run = BomAddCommand.operation("PACKING run 0.1");
        assertNull(run.setupHours());
        assertEquals(new BigDecimal("0.1"), run.runHoursPerUnit());
    }

    @Test
    void whatIsNotALineSaysHowToWriteOne() {
        CommandException e = assertThrows(CommandException.class, () -> BomAddCommand.component("CARD-SHEET"));
        assertTrue(e.getMessage().contains("<qty> <sku>"), e.getMessage());
        CommandException n = assertThrows(CommandException.class, () -> BomAddCommand.component("lots CARD-SHEET"));
        assertTrue(n.getMessage().contains("must be a number"), n.getMessage());
        CommandException o = assertThrows(CommandException.class, () -> BomAddCommand.operation("PRINTING setup"));
        assertTrue(o.getMessage().contains("setup <hours>"), o.getMessage());
    }
}
