package dev.tessera.platform.shell.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import dev.tessera.platform.api.ModuleManager;

@Service
@Command(scope = "tessera", name = "disable", description = "Disables modules while Tessera runs; their data is kept")
public class DisableCommand extends TesseraAction {

    @Reference
    ModuleManager modules;

    @Argument(index = 0, name = "module", required = true, multiValued = true, description = "module ids, e.g. erp-ledger")
    @Completion(ModuleIdCompleter.class)
    List<String> ids;

    @Override
    protected Object run() {
        long start = System.nanoTime();
        modules.disable(ids);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("Disabled " + String.join(", ", ids) + " in " + millis + " ms; their data is kept");
        return null;
    }
}
