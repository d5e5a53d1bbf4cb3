package dev.tessera.erp.inventory.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import dev.tessera.erp.inventory.api.Transfer;

@Service
@Command(scope = "inventory", name = "transfer", description = "Moves goods between warehouses or locations")
public class TransferCommand extends InventoryAction {
    @Option(name = "--from-location", description = "MAIN when left out")
    String fromLocation;

    @Option(name = "--to-location", description = "MAIN when left out")
    String toLocation;

    @Option(name = "--lot", description = "Lot, for lot-tracked items")
    String lot;

    @Argument(index = 0, name = "sku", required = true, description = "The item's SKU, e.g. MUG-1")
    @Completion(SkuCompleter.class)
    String sku;

    @Argument(index = 1, name = "from", required = true, description = "From warehouse")
    @Completion(WarehouseCompleter.class)
    String from;

    @Argument(index = 2, name = "to", required = true, description = "To warehouse")
    @Completion(WarehouseCompleter.class)
    String to;

    @Argument(index = 3, name = "quantity", required = true, description = "How many to move, e.g. 10")
    String quantity;

    @Override
    protected Object run() throws CommandException {
        print(stock.transfer(new Transfer(sku, from, fromLocation, to, toLocation, lot, number("quantity", quantity),
                null), user()));
        return null;
    }
}
