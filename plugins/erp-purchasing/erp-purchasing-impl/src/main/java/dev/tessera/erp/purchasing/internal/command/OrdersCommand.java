package dev.tessera.erp.purchasing.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

@Service
@Command(scope = "purchasing", name = "orders", description = "Lists purchase orders")
public class OrdersCommand extends PurchasingAction {
    @Option(name = "--status", description = "draft, approved, sent, partially-received, received, billed, closed or cancelled")
    String status;

    @Option(name = "--vendor", description = "Only this vendor's orders (its code or id)")
    @Completion(VendorCodeCompleter.class)
    String vendor;

    @Option(name = "--after", description = "Show orders with ids above this one")
    long after;

    @Option(name = "--limit", description = "How many to show (100 by default)")
    int limit = 100;

    @Override
    protected Object run() throws CommandException {
        printOrders(orders.orders(status == null ? null : status(status), vendor == null ? null : vendor(vendor).id(),
                after, limit));
        return null;
    }
}
