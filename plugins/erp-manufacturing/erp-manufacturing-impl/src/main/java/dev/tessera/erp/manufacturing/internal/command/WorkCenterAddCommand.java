package dev.tessera.erp.manufacturing.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import dev.tessera.erp.manufacturing.api.NewWorkCenter;
import dev.tessera.erp.manufacturing.api.WorkCenter;

@Service
@Command(scope = "manufacturing", name = "work-center-add", description = "Creates a work center")
public class WorkCenterAddCommand extends ManufacturingAction {
    @Argument(index = 0, name = "code", required = true,
            description = "Its unique code: letters, digits and hyphens, e.g. ASSEMBLY-1")
    String code;

    @Argument(index = 1, name = "name", required = true, description = "Its name, e.g. 'Assembly line 1'")
    String name;

    @Option(name = "--per-hour", description = "What an hour there costs, e.g. 42.50 (0 by default)")
    String perHour;

    @Option(name = "--per-batch", description = "What each batch costs on top, e.g. 5 for cleaning (0 by default)")
    String perBatch;

    @Option(name = "--hours-per-day", description = "Hours it works a day, e.g. 16 (8 by default)")
    String hoursPerDay;

    @Override
    protected Object run() throws Exception {
        WorkCenter w = centers.create(new NewWorkCenter(code, name, number("--per-hour", perHour),
                number("--per-batch", perBatch), number("--hours-per-day", hoursPerDay)), user());
        System.out.println("Work center " + w.code() + " created: " + plain(w.costPerHour()) + " an hour, "
                + plain(w.costPerBatch()) + " a batch, " + plain(w.hoursPerDay()) + " hours a day");
        return null;
    }
}
