package dev.tessera.erp.manufacturing.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import dev.tessera.erp.manufacturing.api.WorkOrder;

@Service
@Command(scope = "manufacturing", name = "cancel", description = "Cancels a draft or released work order before anything was issued or finished")
public class CancelCommand extends ManufacturingAction {
    @Argument(index = 0, name = "number", required = true, description = "The order's number, e.g. WO-2026-000001")
    @Completion(WorkOrderCompleter.class)
    String number;

    @Override
    protected Object run() throws Exception {
        WorkOrder o = orders.cancel(order(number).id(), user());
        printOrder(o);
        return null;
    }
}
