package dev.tessera.erp.purchasing.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import dev.tessera.erp.purchasing.api.PurchaseOrder;

@Service
@Command(scope = "purchasing", name = "cancel", description = "Cancels a purchase order nothing was received on")
public class CancelCommand extends PurchasingAction {
    @Argument(index = 0, name = "order", required = true, description = "The order's number (or id), e.g. PO-2026-000001")
    @Completion(OrderNumberCompleter.class)
    String order;

    @Argument(index = 1, name = "reason", description = "Why it is cancelled, e.g. 'ordered twice'")
    String reason;

    @Override
    protected Object run() throws CommandException {
        PurchaseOrder o = orders.cancel(order(order).id(), reason, user());
        System.out.println("Order " + o.number() + " cancelled");
        return null;
    }
}
