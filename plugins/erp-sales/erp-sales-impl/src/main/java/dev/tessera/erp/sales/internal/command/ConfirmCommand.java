package dev.tessera.erp.sales.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "sales", name = "confirm", description = "Confirms a draft order: credit check, stock reserved")
public class ConfirmCommand extends SalesAction {
    @Argument(index = 0, name = "order", required = true, description = "The order's id (see sales:orders)")
    @Completion(OrderIdCompleter.class)
    long id;

    @Override
    protected Object run() {
        printOrder(orders.confirm(id, user()));
        return null;
    }
}
