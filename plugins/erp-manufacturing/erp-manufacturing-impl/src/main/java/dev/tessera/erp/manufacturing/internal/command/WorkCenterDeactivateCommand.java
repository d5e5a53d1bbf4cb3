package dev.tessera.erp.manufacturing.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import dev.tessera.erp.manufacturing.api.WorkCenter;

@Service
@Command(scope = "manufacturing", name = "work-center-deactivate",
        description = "Deactivates a work center: new bills of materials cannot use it")
public class WorkCenterDeactivateCommand extends ManufacturingAction {
    @Argument(index = 0, name = "code", required = true, description = "The work center's code, e.g. ASSEMBLY-1")
    @Completion(WorkCenterCompleter.class)
    String code;

    @Override
    protected Object run() {
        WorkCenter w = centers.deactivate(code, user());
        System.out.println("Work center " + w.code() + " is deactivated");
        return null;
    }
}
