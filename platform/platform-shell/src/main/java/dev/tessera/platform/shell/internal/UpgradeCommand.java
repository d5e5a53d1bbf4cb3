package dev.tessera.platform.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import dev.tessera.platform.api.ModuleInfo;
import dev.tessera.platform.api.ModuleManager;

@Service
@Command(scope = "tessera", name = "upgrade", description = "Upgrades an enabled module to the newest version available, keeping its data")
public class UpgradeCommand extends TesseraAction {

    @Reference
    ModuleManager modules;

    @Argument(index = 0, name = "module", required = true, description = "module id, e.g. erp-ledger")
    @Completion(ModuleIdCompleter.class)
    String id;

    @Override
    protected Object run() {
        String before = modules.module(id).map(ModuleInfo::version).orElse("?");
        long start = System.nanoTime();
        ModuleInfo after = modules.upgrade(id);
        System.out.println("Upgraded " + id + " from " + before + " to " + after.version() + " in "
                + (System.nanoTime() - start) / 1_000_000 + " ms; it is " + ModulesCommand.state(after));
        return null;
    }
}
