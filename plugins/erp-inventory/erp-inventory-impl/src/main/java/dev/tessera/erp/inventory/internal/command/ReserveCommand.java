package dev.tessera.erp.inventory.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import dev.tessera.erp.inventory.api.Reservation;

@Service
@Command(scope = "inventory", name = "reserve", description = "Reserves stock for an order; refused beyond what is available")
public class ReserveCommand extends InventoryAction {
    @Argument(index = 0, name = "sku", required = true, description = "The item's SKU, e.g. MUG-1")
    @Completion(SkuCompleter.class)
    String sku;

    @Argument(index = 1, name = "warehouse", required = true, description = "Warehouse code, e.g. WH1")
    @Completion(WarehouseCompleter.class)
    String warehouse;

    @Argument(index = 2, name = "quantity", required = true, description = "How many to reserve, e.g. 10")
    String quantity;

    @Argument(index = 3, name = "reference", required = true, description = "The order, e.g. SO-2026-000012")
    String reference;

    @Override
    protected Object run() throws CommandException {
        Reservation r = stock.reserve(sku, warehouse, number("quantity", quantity), reference, user());
        System.out.println("Reservation " + r.id() + ": " + r.quantity().toPlainString() + " " + r.sku() + " in "
                + r.warehouse() + " for " + r.reference());
        return null;
    }
}
