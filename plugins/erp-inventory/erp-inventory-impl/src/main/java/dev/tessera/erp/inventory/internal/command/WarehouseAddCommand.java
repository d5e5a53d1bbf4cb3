package dev.tessera.erp.inventory.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import dev.tessera.erp.inventory.api.Warehouse;

@Service
@Command(scope = "inventory", name = "warehouse-add", description = "Adds a warehouse (with its location MAIN)")
public class WarehouseAddCommand extends InventoryAction {
    @Argument(index = 0, name = "code", required = true, description = "Code, e.g. WH1")
    String code;

    @Argument(index = 1, name = "name", required = true, multiValued = true, description = "Name")
    java.util.List<String> name;

    @Override
    protected Object run() {
        Warehouse w = stock.createWarehouse(code, String.join(" ", name), user());
        System.out.println("Warehouse " + w.code() + " " + w.name() + " added, locations " + w.locations());
        return null;
    }
}
