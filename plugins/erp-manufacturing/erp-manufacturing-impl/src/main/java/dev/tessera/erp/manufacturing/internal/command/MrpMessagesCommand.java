package dev.tessera.erp.manufacturing.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import dev.tessera.erp.manufacturing.api.MrpRun;

@Service
@Command(scope = "manufacturing", name = "mrp-messages", description = "Lists what an MRP run asks besides its planned orders: orders on their way to bring forward, items it could not plan")
public class MrpMessagesCommand extends ManufacturingAction {
    @Argument(index = 0, name = "run", description = "The run's id (manufacturing:mrp-runs); the newest run by default")
    String run;

    @Override
    protected Object run() throws Exception {
        long id;
        if (run == null) {
            id = mrp.runs(0, 1).stream().findFirst().map(MrpRun::id).orElseThrow(() -> new CommandException(
                    "No MRP run yet (manufacturing:mrp-run runs one) [manufacturing.mrp-run-not-found]"));
        } else if (run.trim().matches("\\d{1,18}")) {
            id = Long.parseLong(run.trim());
            if (mrp.runById(id).isEmpty()) {
                throw new CommandException("No MRP run " + id + " (manufacturing:mrp-runs lists them)"
                        + " [manufacturing.mrp-run-not-found]");
            }
        } else {
            throw new CommandException("The run's id is a whole number such as 3 (manufacturing:mrp-runs lists"
                    + " them), not '" + shown(run) + "' [manufacturing.invalid]");
        }
        printMessages(mrp.messages(id));
        return null;
    }
}
