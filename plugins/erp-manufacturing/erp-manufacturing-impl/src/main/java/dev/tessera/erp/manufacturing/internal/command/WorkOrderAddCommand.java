package dev.tessera.erp.manufacturing.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import dev.tessera.erp.manufacturing.api.NewWorkOrder;
import dev.tessera.erp.manufacturing.api.WorkOrder;

@Service
@Command(scope = "manufacturing", name = "work-order-add",
        description = "Plans a work order from the item's bill of materials in force today, e.g."
                + " manufacturing:work-order-add --warehouse DEMO GIFT-SET 10")
public class WorkOrderAddCommand extends ManufacturingAction {
    @Argument(index = 0, name = "sku", required = true, description = "The item to make, e.g. GIFT-SET")
    String sku;

    @Argument(index = 1, name = "quantity", required = true, description = "How many to make, e.g. 10")
    String quantity;

    @Option(name = "--warehouse", required = true,
            description = "Where the components come from and the goods go, e.g. MAIN")
    String warehouse;

    @Option(name = "--due", description = "The day (YYYY-MM-DD) it is to be finished")
    String due;

    @Option(name = "--note", description = "What it is for, e.g. 'for order SO-2026-000012'")
    String note;

    @Override
    protected Object run() throws Exception {
        WorkOrder o = orders.create(new NewWorkOrder(sku, number("quantity", quantity), warehouse, date("--due", due),
                note), user());
        System.out.println("Work order " + o.number() + " planned (draft); manufacturing:release " + o.number()
                + " reserves its components");
        printOrder(o);
        return null;
    }
}
