package dev.tessera.erp.purchasing.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import dev.tessera.erp.purchasing.api.PurchaseOrder;
import dev.tessera.erp.purchasing.api.ReorderOrders;

@Service
@Command(scope = "purchasing", name = "from-reorder", description = "Drafts purchase orders from the inventory's reorder suggestions, one per preferred vendor (the lowest agreed price)")
public class FromReorderCommand extends PurchasingAction {
    @Option(name = "--warehouse", description = "Where the goods are to arrive, e.g. MAIN")
    String warehouse;

    @Override
    protected Object run() throws CommandException {
        ReorderOrders made = orders.fromReorder(warehouse, user());
        if (made.orders().isEmpty() && made.unsourced().isEmpty()) {
            System.out.println("Nothing to reorder: no item is below its reorder point");
            return null;
        }
        for (PurchaseOrder o : made.orders()) {
            System.out.println("Drafted " + o.number() + " to " + o.vendorCode() + ": " + o.lines().size()
                    + (o.lines().size() == 1 ? " line, " : " lines, ") + o.net().toPlainString() + " "
                    + o.currency() + " net");
        }
        for (ReorderOrders.Unsourced u : made.unsourced()) {
            System.out.println("Left out " + u.sku() + " (" + plain(u.quantity()) + "): " + u.reason());
        }
        return null;
    }
}
