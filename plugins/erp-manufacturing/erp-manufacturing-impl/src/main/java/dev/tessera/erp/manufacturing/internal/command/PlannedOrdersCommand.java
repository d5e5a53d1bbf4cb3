package dev.tessera.erp.manufacturing.internal.command;

import java.util.Locale;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import dev.tessera.erp.manufacturing.api.PlannedOrderKind;
import dev.tessera.erp.manufacturing.api.PlannedOrderStatus;

@Service
@Command(scope = "manufacturing", name = "planned-orders", description = "Lists the planned orders of the latest MRP run and those firmed")
public class PlannedOrdersCommand extends ManufacturingAction {
    @Option(name = "--kind", description = "Only these: make or buy")
    String kind;

    @Option(name = "--status", description = "Only these: planned or firmed")
    String status;

    @Option(name = "--sku", description = "Only the planned orders of this item")
    String sku;

    @Option(name = "--after", description = "Show planned orders with ids above this one")
    long after;

    @Option(name = "--limit", description = "How many to show, 1 to 1000 (100 by default)")
    int limit = 100;

    @Override
    protected Object run() throws Exception {
        printPlanned(mrp.plannedOrders(choice(PlannedOrderKind.class, "--kind", kind),
                choice(PlannedOrderStatus.class, "--status", status), sku, after, limit(limit)));
        return null;
    }

    private <E extends Enum<E>> E choice(Class<E> type, String option, String value) throws CommandException {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            StringBuilder names = new StringBuilder();
            for (E c : type.getEnumConstants()) {
                names.append(names.length() == 0 ? "" : " or ").append(c.name().toLowerCase(Locale.ROOT));
            }
            throw new CommandException(option + " is " + names + ", not '" + shown(value)
                    + "' [manufacturing.invalid]");
        }
    }
}
