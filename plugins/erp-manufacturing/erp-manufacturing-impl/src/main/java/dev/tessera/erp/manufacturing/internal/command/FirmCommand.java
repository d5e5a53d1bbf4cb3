package dev.tessera.erp.manufacturing.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import dev.tessera.erp.manufacturing.api.PlannedOrder;
import dev.tessera.erp.manufacturing.api.PlannedOrderKind;

@Service
@Command(scope = "manufacturing", name = "firm", description = "Firms a planned order: a draft work order for a make, a draft purchase order to its vendor for a buy (when purchasing is enabled)")
public class FirmCommand extends ManufacturingAction {
    @Argument(index = 0, name = "id", required = true, description = "The planned order's id (manufacturing:planned-orders)")
    String id;

    @Override
    protected Object run() throws Exception {
        if (!id.trim().matches("\\d{1,18}")) {
            throw new CommandException("The planned order's id is a whole number such as 12"
                    + " (manufacturing:planned-orders lists them), not '" + shown(id) + "' [manufacturing.invalid]");
        }
        PlannedOrder o = mrp.firm(Long.parseLong(id.trim()), user());
        System.out.println("Planned order " + o.id() + " firmed as " + (o.kind() == PlannedOrderKind.MAKE
                ? "work order " : "purchase order ") + o.firmedAs() + ": " + plain(o.quantity()) + " " + o.sku()
                + " due " + o.dueDate());
        return null;
    }
}
