package dev.tessera.erp.purchasing.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import dev.tessera.erp.purchasing.api.GoodsReceipt;
import dev.tessera.erp.purchasing.api.PurchaseOrder;

@Service
@Command(scope = "purchasing", name = "order", description = "Shows a purchase order with its lines and receipts")
public class OrderCommand extends PurchasingAction {
    @Argument(index = 0, name = "order", required = true, description = "The order's number (or id), e.g. PO-2026-000001")
    @Completion(OrderNumberCompleter.class)
    String order;

    @Override
    protected Object run() throws CommandException {
        PurchaseOrder o = order(order);
        printOrder(o);
        for (GoodsReceipt r : receipts.receipts(o.id())) {
            printReceipt(r);
        }
        return null;
    }
}
