package dev.tessera.erp.inventory.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import dev.tessera.erp.inventory.api.IncomingSupply;
import dev.tessera.erp.inventory.api.InventoryErrors;
import dev.tessera.platform.api.TesseraException;

@Service
@Command(scope = "inventory", name = "incoming", description = "Goods on order and not received yet, by item and expected date")
public class IncomingCommand extends InventoryAction {
    @Argument(index = 0, name = "sku", description = "Only this item")
    @Completion(SkuCompleter.class)
    String sku;

    @Override
    protected Object run() {
        if (sku != null && catalog.item(sku).isEmpty()) {
            throw new TesseraException(InventoryErrors.ITEM_NOT_FOUND, "No item " + sku
                    + "; inventory:items lists the catalog");
        }
        ShellTable table = new ShellTable();
        table.column("SKU");
        table.column("ORDER");
        table.column("LINE").alignRight();
        table.column("VENDOR");
        table.column("WAREHOUSE");
        table.column("QUANTITY").alignRight();
        table.column("EXPECTED");
        table.emptyTableText(sku == null ? "Nothing is on order" : "Nothing of " + sku + " is on order");
        for (IncomingSupply s : stock.incoming(sku)) {
            table.addRow().addContent(s.sku(), s.orderNumber(), s.line(), s.vendorCode() == null ? "" : s.vendorCode(),
                    s.warehouse() == null ? "" : s.warehouse(), s.quantity().toPlainString(),
                    s.expectedDate() == null ? "" : s.expectedDate().toString());
        }
        table.print(System.out);
        return null;
    }
}
