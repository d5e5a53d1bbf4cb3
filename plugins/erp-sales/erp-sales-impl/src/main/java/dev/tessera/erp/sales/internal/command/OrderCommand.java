package dev.tessera.erp.sales.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import dev.tessera.erp.sales.api.SalesOrder;
import dev.tessera.erp.sales.api.Shipment;
import dev.tessera.erp.sales.api.ShippedLine;

@Service
@Command(scope = "sales", name = "order", description = "Shows an order with its lines, reservations, shipments and invoices")
public class OrderCommand extends SalesAction {
    @Argument(index = 0, name = "id", required = true, description = "The order's id (see sales:orders)")
    @Completion(OrderIdCompleter.class)
    long id;

    @Override
    protected Object run() throws CommandException {
        SalesOrder o = orders.order(id).orElseThrow(() -> new CommandException("No order " + id));
        printOrder(o);
        for (Shipment s : orders.shipments(id)) {
            System.out.println("Shipment " + s.number() + " on " + s.shippedAt() + ":");
            for (ShippedLine l : s.lines()) {
                System.out.println("  line " + l.line() + ": " + plain(l.quantity()) + " " + l.sku() + " from "
                        + l.warehouse() + ", cost " + or(l.cost()));
            }
        }
        billing.invoices(null, o.accountId(), 0, 1000).stream().filter(i -> o.number().equals(i.orderNumber()))
                .forEach(i -> System.out.println((i.kind().name().equals("INVOICE") ? "Invoice " : "Credit note ")
                        + i.number() + ": " + i.gross().toPlainString() + " " + i.currency() + ", "
                        + i.status().name().toLowerCase().replace('_', ' ') + ", open " + i.open().toPlainString()));
        return null;
    }
}
