package dev.tessera.erp.manufacturing.internal.command;


import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import dev.tessera.erp.manufacturing.api.MrpRun;
import dev.tessera.erp.manufacturing.api.MrpRunStatus;
import dev.tessera.erp.manufacturing.api.PlannedOrderStatus;

@Service
@Command(scope = "manufacturing", name = "mrp-run", description = "Runs MRP now: nets every item's demand against its supply, level by level, and replaces the planned orders of the last run (firmed ones stay)")
public class MrpRunCommand extends ManufacturingAction {
    @Override
    protected Object run() throws Exception {
        MrpRun done = mrp.run(user(), r -> {
            if (r.status() == MrpRunStatus.RUNNING) {
                System.out.println("MRP run " + r.id() + ": " + r.itemsPlanned() + " of " + r.items()
                        + " items netted");
            }
        });
        System.out.println("MRP run " + done.id() + " finished: " + done.plannedMake() + " planned to make, "
                + done.plannedBuy() + " to buy, over " + done.items() + " items");
        if (done.note() != null) {
            System.out.println("  " + done.note());
        }
        printPlanned(mrp.plannedOrders(null, PlannedOrderStatus.PLANNED, null, 0, 1000).stream()
                .filter(o -> o.runId() == done.id()).toList());
        var messages = mrp.messages(done.id());
        if (!messages.isEmpty()) {
            System.out.println();
            printMessages(messages);
        }
        return null;
    }
}
