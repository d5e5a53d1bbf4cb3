package dev.tessera.erp.inventory.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import dev.tessera.erp.inventory.api.NewItem;
import dev.tessera.erp.inventory.internal.ItemsCsv;

@Service
@Command(scope = "inventory", name = "import", description = "Imports items from CSV (sku,name,uom,category,valuation,standardCost,reorderPoint,reorderQuantity,lotTracked): all or none")
public class ImportCommand extends InventoryAction {
    @Argument(index = 0, name = "file", required = true, description = "Path of the CSV file")
    String file;

    @Override
    protected Object run() throws CommandException {
        String text = read(file);
        List<NewItem> items = ItemsCsv.parse(text);
        System.out.println("Checking " + items.size() + " rows...");
        int written = catalog.importItems(items, n -> System.out.println("  " + n + " of " + items.size() + " written"),
                user());
        System.out.println("Imported " + written + " items");
        return null;
    }
}
