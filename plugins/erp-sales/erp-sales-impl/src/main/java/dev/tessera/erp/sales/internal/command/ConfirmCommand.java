package dev.tessera.erp.sales.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "sales", name = "confirm", description = "Confirms a draft order: credit check, stock reserved")
public class ConfirmCommand extends SalesAction {
    @Argument(index = 0, name = "order", required = true)
    long id;

    @Override
    protected Object run() {
        printOrder(orders.confirm(id, user()));
        return null;
    }
}
