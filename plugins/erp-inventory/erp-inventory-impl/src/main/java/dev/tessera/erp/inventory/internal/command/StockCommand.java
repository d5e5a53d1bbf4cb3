package dev.tessera.erp.inventory.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import dev.tessera.erp.inventory.api.StockLevel;

@Service
@Command(scope = "inventory", name = "stock", description = "Stock per item and warehouse: on hand, reserved, available, value")
public class StockCommand extends InventoryAction {
    @Argument(index = 0, name = "sku", description = "Only this item")
    @Completion(SkuCompleter.class)
    String sku;

    @Argument(index = 1, name = "warehouse", description = "Only this warehouse")
    @Completion(WarehouseCompleter.class)
    String warehouse;

    @Override
    protected Object run() {
        ShellTable table = new ShellTable();
        table.column("SKU");
        table.column("WAREHOUSE");
        table.column("ON HAND").alignRight();
        table.column("RESERVED").alignRight();
        table.column("AVAILABLE").alignRight();
        table.column("VALUE").alignRight();
        for (StockLevel l : stock.stock(sku, warehouse)) {
            table.addRow().addContent(l.sku(), l.warehouse(), l.onHand().toPlainString(), l.reserved().toPlainString(),
                    l.available().toPlainString(), l.value().toPlainString());
        }
        table.print(System.out);
        return null;
    }
}
