package dev.tessera.platform.shell.internal;

import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import dev.tessera.platform.api.ModuleInfo;
import dev.tessera.platform.api.ModuleManager;
import dev.tessera.platform.api.ModuleState;

@Service
@Command(scope = "tessera", name = "modules", description = "Lists the modules of this distribution and their state")
public class ModulesCommand extends TesseraAction {

    @Reference
    ModuleManager modules;

    @Override
    protected Object run() {
        ShellTable table = new ShellTable();
        table.column("ID");
        table.column("NAME");
        table.column("VERSION");
        table.column("STATE");
        table.column("OWNS");
        table.column("REQUIRES");
        for (ModuleInfo m : modules.modules()) {
            table.addRow().addContent(m.id(), m.name(), m.upgradable() ? m.version() + " (" + m.newestVersion() + " available)"
                    : m.version(), state(m),
                    m.owns().stream().map(Object::toString).sorted().collect(Collectors.joining(", ")),
                    String.join(", ", m.requires()));
        }
        table.print(System.out);
        for (ModuleInfo m : modules.modules()) {
            if (m.enabled() && m.state() != ModuleState.ACTIVE) {
                System.out.println(m.id() + " is not active: " + String.join("; ", m.reason()));
            }
        }
        return null;
    }

    static String state(ModuleInfo m) {
        return switch (m.state()) {
            case AVAILABLE -> "available";
            case INSTALLED -> "enabled, not active";
            case ACTIVE -> "active";
            case REFUSED -> "refused";
        };
    }
}
