package dev.tessera.erp.manufacturing.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "manufacturing", name = "work-centers", description = "Lists work centers with their cost rates")
public class WorkCentersCommand extends ManufacturingAction {
    @Option(name = "--all", description = "Include deactivated work centers (only active ones by default)")
    boolean all;

    @Override
    protected Object run() {
        printCenters(centers.workCenters(all ? null : Boolean.TRUE));
        return null;
    }
}
