package dev.tessera.erp.manufacturing.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "manufacturing", name = "work-order", description = "Shows a work order: components, operations, costs")
public class WorkOrderCommand extends ManufacturingAction {
    @Argument(index = 0, name = "number", required = true, description = "The order's number, e.g. WO-2026-000001")
    @Completion(WorkOrderCompleter.class)
    String number;

    @Override
    protected Object run() throws Exception {
        printOrder(order(number));
        return null;
    }
}
