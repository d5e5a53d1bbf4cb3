package dev.tessera.erp.manufacturing.internal.command;

import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import dev.tessera.erp.manufacturing.api.OperationTime;
import dev.tessera.erp.manufacturing.api.WorkOrder;

@Service
@Command(scope = "manufacturing", name = "record-time",
        description = "Records the hours a work order's operations took, e.g. manufacturing:record-time"
                + " WO-2026-000001 10:1.5 20:0.75")
public class RecordTimeCommand extends ManufacturingAction {
    @Argument(index = 0, name = "number", required = true, description = "The order's number, e.g. WO-2026-000001")
    @Completion(WorkOrderCompleter.class)
    String number;

    @Argument(index = 1, name = "times", required = true, multiValued = true,
            description = "<operation>:<hours> each, e.g. 10:1.5 (manufacturing:work-order shows the operations)")
    List<String> times;

    @Override
    protected Object run() throws Exception {
        List<OperationTime> list = new ArrayList<>();
        for (String t : times) {
            String[] parts = t.split(":", 2);
            if (parts.length != 2 || !parts[0].trim().matches("\\d{1,6}")) {
                throw new CommandException("'" + t + "' is not <operation>:<hours>, e.g. 10:1.5" + " [manufacturing.invalid]");
            }
            list.add(new OperationTime(Integer.parseInt(parts[0].trim()), number("the hours of '" + t + "'",
                    parts[1])));
        }
        WorkOrder o = orders.recordTime(order(number).id(), list, user());
        printOrder(o);
        return null;
    }
}
