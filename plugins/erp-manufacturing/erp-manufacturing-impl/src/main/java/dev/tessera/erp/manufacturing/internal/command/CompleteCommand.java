package dev.tessera.erp.manufacturing.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import dev.tessera.erp.manufacturing.api.WorkOrder;

@Service
@Command(scope = "manufacturing", name = "complete",
        description = "Receives finished goods of a work order into stock at its standard unit cost, in part or in full")
public class CompleteCommand extends ManufacturingAction {
    @Argument(index = 0, name = "number", required = true, description = "The order's number, e.g. WO-2026-000001")
    @Completion(WorkOrderCompleter.class)
    String number;

    @Argument(index = 1, name = "quantity", required = true, description = "How many were finished, e.g. 4")
    String quantity;

    @Option(name = "--lot", description = "The lot of the finished goods, for a lot-tracked item")
    String lot;

    @Override
    protected Object run() throws Exception {
        WorkOrder o = orders.complete(order(number).id(), number("quantity", quantity), lot, user());
        printOrder(o);
        return null;
    }
}
