package dev.tessera.erp.manufacturing.internal.command;

import java.util.Locale;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import dev.tessera.erp.manufacturing.api.WorkOrderStatus;

@Service
@Command(scope = "manufacturing", name = "work-orders", description = "Lists work orders")
public class WorkOrdersCommand extends ManufacturingAction {
    @Option(name = "--status", description = "Only these: draft, released, in-progress, completed, closed, cancelled")
    String status;

    @Option(name = "--sku", description = "Only the orders making this item")
    String sku;

    @Option(name = "--after", description = "Show orders with ids above this one")
    long after;

    @Option(name = "--limit", description = "How many to show (100 by default)")
    int limit = 100;

    @Override
    protected Object run() throws Exception {
        WorkOrderStatus s = null;
        if (status != null) {
            try {
                s = WorkOrderStatus.valueOf(status.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new CommandException("--status is one of draft, released, in-progress, completed, closed,"
                        + " cancelled; not '" + shown(status) + "' [manufacturing.invalid]");
            }
        }
        printOrders(orders.workOrders(s, sku, after, limit));
        return null;
    }
}
