package dev.tessera.erp.manufacturing.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import dev.tessera.erp.manufacturing.api.WorkOrder;

@Service
@Command(scope = "manufacturing", name = "close", description = "Closes a work order: releases what is still reserved and books its variances")
public class CloseCommand extends ManufacturingAction {
    @Argument(index = 0, name = "number", required = true, description = "The order's number, e.g. WO-2026-000001")
    @Completion(WorkOrderCompleter.class)
    String number;

    @Override
    protected Object run() throws Exception {
        WorkOrder o = orders.close(order(number).id(), user());
        printOrder(o);
        return null;
    }
}
