package dev.tessera.erp.sales.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import dev.tessera.erp.sales.api.SalesOrder;

@Service
@Command(scope = "sales", name = "cancel", description = "Cancels an order without shipments or invoices, releasing its reservations")
public class CancelCommand extends SalesAction {
    @Argument(index = 0, name = "order", required = true, description = "The order's id (see sales:orders)")
    @Completion(OrderIdCompleter.class)
    long id;

    @Argument(index = 1, name = "reason", required = true, description = "Why it is cancelled, e.g. 'ordered twice'")
    String reason;

    @Override
    protected Object run() {
        SalesOrder o = orders.cancel(id, reason, user());
        System.out.println("Order " + o.number() + " cancelled");
        return null;
    }
}
