package dev.tessera.erp.inventory.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import dev.tessera.erp.inventory.api.Item;
import dev.tessera.erp.inventory.api.NewItem;
import dev.tessera.erp.inventory.api.ValuationMethod;

@Service
@Command(scope = "inventory", name = "item-add", description = "Adds an item to the catalog")
public class ItemAddCommand extends InventoryAction {
    @Option(name = "--uom", description = "Unit of measure (default pcs)")
    String uom = "pcs";

    @Option(name = "--category", description = "Category")
    String category;

    @Option(name = "--valuation", description = "fifo (default), moving-average or standard")
    String valuation = "fifo";

    @Option(name = "--standard-cost", description = "Standard cost, for --valuation standard")
    String standardCost;

    @Option(name = "--reorder-point", description = "Suggest ordering when available stock falls below this")
    String reorderPoint;

    @Option(name = "--reorder-quantity", description = "How much to suggest ordering")
    String reorderQuantity;

    @Option(name = "--lots", description = "Lot-tracked: receipts and issues name a lot")
    boolean lots;

    @Argument(index = 0, name = "sku", required = true, description = "SKU")
    String sku;

    @Argument(index = 1, name = "name", required = true, multiValued = true, description = "Name")
    java.util.List<String> name;

    @Override
    protected Object run() throws CommandException {
        ValuationMethod method;
        try {
            method = ValuationMethod.valueOf(valuation.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new CommandException("--valuation must be fifo, moving-average or standard, not '" + valuation + "'");
        }
        Item item = catalog.createItem(new NewItem(sku, String.join(" ", name), uom, category, lots, method,
                standardCost == null ? null : number("--standard-cost", standardCost),
                reorderPoint == null ? null : number("--reorder-point", reorderPoint),
                reorderQuantity == null ? null : number("--reorder-quantity", reorderQuantity)), user());
        System.out.println("Item " + item.sku() + " " + item.name() + " added (" + item.valuationMethod() + ")");
        return null;
    }
}
