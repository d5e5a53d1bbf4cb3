package dev.tessera.erp.purchasing.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import dev.tessera.erp.purchasing.api.PurchaseOrder;

@Service
@Command(scope = "purchasing", name = "approve", description = "Approves a draft purchase order (above the approval threshold: a purchasing-approver who did not write it)")
public class ApproveCommand extends PurchasingAction {
    @Argument(index = 0, name = "order", required = true, description = "The order's number (or id), e.g. PO-2026-000001")
    @Completion(OrderNumberCompleter.class)
    String order;

    @Override
    protected Object run() throws CommandException {
        PurchaseOrder o = orders.approve(order(order).id(), user(), roles());
        System.out.println("Order " + o.number() + " approved");
        return null;
    }
}
