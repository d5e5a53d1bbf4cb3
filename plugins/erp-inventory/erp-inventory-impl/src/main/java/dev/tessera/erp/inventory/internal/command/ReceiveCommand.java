package dev.tessera.erp.inventory.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import dev.tessera.erp.inventory.api.Receipt;

@Service
@Command(scope = "inventory", name = "receive", description = "Receives goods into a warehouse at a unit cost")
public class ReceiveCommand extends InventoryAction {
    @Option(name = "--location", description = "Location (MAIN when left out)")
    String location;

    @Option(name = "--lot", description = "Lot, for lot-tracked items")
    String lot;

    @Option(name = "--reference", description = "Document, e.g. a delivery note")
    String reference;

    @Argument(index = 0, name = "sku", required = true, description = "The item's SKU, e.g. MUG-1")
    @Completion(SkuCompleter.class)
    String sku;

    @Argument(index = 1, name = "warehouse", required = true, description = "Warehouse code, e.g. WH1")
    @Completion(WarehouseCompleter.class)
    String warehouse;

    @Argument(index = 2, name = "quantity", required = true, description = "How many were received, e.g. 100")
    String quantity;

    @Argument(index = 3, name = "unitCost", required = true, description = "Purchase cost per unit, e.g. 2.40")
    String unitCost;

    @Override
    protected Object run() throws CommandException {
        print(stock.receive(new Receipt(sku, warehouse, location, lot, number("quantity", quantity),
                number("unitCost", unitCost), reference), user()));
        return null;
    }
}
