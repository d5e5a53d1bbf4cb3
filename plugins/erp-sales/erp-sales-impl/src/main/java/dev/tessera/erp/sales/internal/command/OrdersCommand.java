package dev.tessera.erp.sales.internal.command;

import java.util.Locale;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import dev.tessera.erp.sales.api.OrderStatus;

@Service
@Command(scope = "sales", name = "orders", description = "Lists sales orders")
public class OrdersCommand extends SalesAction {
    @Option(name = "--status", description = "draft, confirmed, partially-shipped, shipped, invoiced, paid, cancelled")
    String status;

    @Option(name = "--account", description = "Only this customer's orders")
    Long account;

    @Option(name = "--after", description = "Show orders with ids above this one")
    long after;

    @Option(name = "--limit", description = "How many to show")
    int limit = 100;

    @Override
    protected Object run() throws CommandException {
        OrderStatus wanted = null;
        if (status != null) {
            try {
                wanted = OrderStatus.valueOf(status.toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new CommandException("--status is draft, confirmed, partially-shipped, shipped, invoiced, paid"
                        + " or cancelled, not '" + status + "'");
            }
        }
        printOrders(orders.orders(wanted, account, after, limit));
        return null;
    }
}
