package dev.tessera.erp.purchasing.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import dev.tessera.erp.purchasing.api.PurchaseOrder;

@Service
@Command(scope = "purchasing", name = "close", description = "Closes a purchase order that got its goods, or part of them: nothing more is to come")
public class CloseCommand extends PurchasingAction {
    @Argument(index = 0, name = "order", required = true, description = "The order's number (or id), e.g. PO-2026-000001")
    @Completion(OrderNumberCompleter.class)
    String order;

    @Argument(index = 1, name = "reason", description = "Why, e.g. 'rest out of stock at the vendor'")
    String reason;

    @Override
    protected Object run() throws CommandException {
        PurchaseOrder o = orders.close(order(order).id(), reason, user());
        System.out.println("Order " + o.number() + " closed");
        return null;
    }
}
