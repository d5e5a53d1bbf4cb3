package dev.tessera.platform.shell.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import dev.tessera.platform.api.ModuleInfo;
import dev.tessera.platform.api.ModuleManager;

@Service
@Command(scope = "tessera", name = "enable", description = "Enables modules while Tessera runs; all or none")
public class EnableCommand extends TesseraAction {

    @Reference
    ModuleManager modules;

    @Argument(index = 0, name = "module", required = true, multiValued = true, description = "module ids, e.g. erp-ledger")
    @Completion(ModuleIdCompleter.class)
    List<String> ids;

    @Override
    protected Object run() {
        long start = System.nanoTime();
        List<ModuleInfo> after = modules.enable(ids);
        long millis = (System.nanoTime() - start) / 1_000_000;
        for (ModuleInfo m : after) {
            if (ids.contains(m.id())) {
                System.out.println("Module " + m.id() + " " + m.version() + " is " + ModulesCommand.state(m));
            }
        }
        System.out.println("Enabled " + String.join(", ", ids) + " in " + millis + " ms");
        return null;
    }
}
