package dev.tessera.erp.inventory.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import dev.tessera.erp.inventory.api.Item;

@Service
@Command(scope = "inventory", name = "items", description = "Lists the items of the catalog")
public class ItemsCommand extends InventoryAction {
    @Option(name = "--after", description = "Start after this SKU")
    String after;

    @Option(name = "--limit", description = "How many (default 100)")
    int limit = 100;

    @Override
    protected Object run() {
        ShellTable table = new ShellTable();
        table.column("SKU");
        table.column("NAME");
        table.column("UOM");
        table.column("CATEGORY");
        table.column("VALUATION");
        table.column("LOTS");
        table.column("REORDER AT").alignRight();
        table.column("ACTIVE");
        for (Item i : catalog.items(after, Math.max(1, Math.min(limit, 1000)))) {
            table.addRow().addContent(i.sku(), i.name(), i.uom(), i.category() == null ? "" : i.category(),
                    i.valuationMethod(), i.lotTracked() ? "yes" : "", i.reorderPoint() == null ? ""
                            : i.reorderPoint().toPlainString(), i.active() ? "yes" : "no");
        }
        table.print(System.out);
        return null;
    }
}
