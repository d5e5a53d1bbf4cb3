package dev.tessera.erp.inventory.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import dev.tessera.erp.inventory.api.ReorderSuggestion;

@Service
@Command(scope = "inventory", name = "reorder", description = "Items whose available stock and what is on order are below their reorder point")
public class ReorderCommand extends InventoryAction {
    @Override
    protected Object run() {
        ShellTable table = new ShellTable();
        table.column("SKU");
        table.column("NAME");
        table.column("AVAILABLE").alignRight();
        table.column("INCOMING").alignRight();
        table.column("REORDER POINT").alignRight();
        table.column("ORDER").alignRight();
        for (ReorderSuggestion s : stock.reorderSuggestions()) {
            table.addRow().addContent(s.sku(), s.name(), s.available().toPlainString(),
                    s.incoming().toPlainString(), s.reorderPoint().toPlainString(),
                    s.suggestedQuantity().toPlainString());
        }
        table.print(System.out);
        return null;
    }
}
