package dev.tessera.erp.sales.internal.command;

import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import dev.tessera.erp.sales.api.ShipLine;
import dev.tessera.erp.sales.api.Shipment;
import dev.tessera.erp.sales.api.ShippedLine;

@Service
@Command(scope = "sales", name = "ship", description = "Ships an order: everything left, or the given <line>:<quantity> pairs; stock is issued")
public class ShipCommand extends SalesAction {
    @Argument(index = 0, name = "order", required = true, description = "The order's id (see sales:orders)")
    @Completion(OrderIdCompleter.class)
    long id;

    @Argument(index = 1, name = "lines", multiValued = true, description = "e.g. 1:10 2:5")
    List<String> lines;

    @Override
    protected Object run() throws CommandException {
        List<ShipLine> plan = new ArrayList<>();
        if (lines != null) {
            for (String pair : lines) {
                String[] parts = pair.split(":");
                if (parts.length != 2 || !parts[0].trim().matches("\\d+")) {
                    throw new CommandException("'" + pair + "' is not <line>:<quantity>, e.g. 1:10");
                }
                plan.add(new ShipLine(Integer.parseInt(parts[0].trim()), number("quantity", parts[1])));
            }
        }
        Shipment s = orders.ship(id, plan, user());
        System.out.println("Shipment " + s.number() + ":");
        for (ShippedLine l : s.lines()) {
            System.out.println("  line " + l.line() + ": " + plain(l.quantity()) + " " + l.sku() + " from " + l.warehouse()
                    + ", cost " + or(l.cost()));
        }
        return null;
    }
}
