package dev.tessera.erp.inventory.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import dev.tessera.erp.inventory.api.Issue;

@Service
@Command(scope = "inventory", name = "issue", description = "Issues goods out of a warehouse (at cost)")
public class IssueCommand extends InventoryAction {
    @Option(name = "--location", description = "Location (MAIN when left out)")
    String location;

    @Option(name = "--lot", description = "Lot, for lot-tracked items")
    String lot;

    @Option(name = "--reservation", description = "The reservation this issue consumes")
    Long reservation;

    @Option(name = "--reference", description = "Document, e.g. a shipment")
    String reference;

    @Argument(index = 0, name = "sku", required = true, description = "The item's SKU, e.g. MUG-1")
    @Completion(SkuCompleter.class)
    String sku;

    @Argument(index = 1, name = "warehouse", required = true, description = "Warehouse code, e.g. WH1")
    @Completion(WarehouseCompleter.class)
    String warehouse;

    @Argument(index = 2, name = "quantity", required = true, description = "How many to issue, e.g. 10")
    String quantity;

    @Override
    protected Object run() throws CommandException {
        print(stock.issue(new Issue(sku, warehouse, location, lot, number("quantity", quantity), reference, reservation),
                user()));
        return null;
    }
}
