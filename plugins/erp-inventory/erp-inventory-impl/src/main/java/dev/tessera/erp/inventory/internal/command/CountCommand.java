package dev.tessera.erp.inventory.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import dev.tessera.erp.inventory.api.Count;

@Service
@Command(scope = "inventory", name = "count", description = "Records a physical count; the difference is booked as an adjustment")
public class CountCommand extends InventoryAction {
    @Option(name = "--location", description = "MAIN when left out")
    String location;

    @Option(name = "--lot", description = "Lot, for lot-tracked items")
    String lot;

    @Argument(index = 0, name = "sku", required = true, description = "The item's SKU, e.g. MUG-1")
    @Completion(SkuCompleter.class)
    String sku;

    @Argument(index = 1, name = "warehouse", required = true, description = "Warehouse code, e.g. WH1")
    @Completion(WarehouseCompleter.class)
    String warehouse;

    @Argument(index = 2, name = "counted", required = true, description = "The quantity counted there, e.g. 48")
    String counted;

    @Override
    protected Object run() throws CommandException {
        stock.count(new Count(sku, warehouse, location, lot, number("counted", counted), null), user())
                .ifPresentOrElse(InventoryAction::print, () -> System.out.println("The count agrees with the books"));
        return null;
    }
}
