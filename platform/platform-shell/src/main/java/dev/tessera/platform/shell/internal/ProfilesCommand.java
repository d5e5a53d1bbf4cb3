package dev.tessera.platform.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import dev.tessera.platform.api.Profile;
import dev.tessera.platform.api.ProfileManager;

@Service
@Command(scope = "tessera", name = "profiles", description = "Lists the business profiles: their modules, which this distribution has, which are enabled")
public class ProfilesCommand extends TesseraAction {
    @Reference
    ProfileManager profiles;

    @Override
    protected Object run() {
        ShellTable table = new ShellTable();
        table.column("PROFILE");
        table.column("MODULES");
        table.column("NOT AVAILABLE");
        table.column("ENABLED");
        for (Profile p : profiles.profiles()) {
            table.addRow().addContent(p.name(), String.join(", ", p.modules()),
                    String.join(", ", p.modules().stream().filter(m -> !p.available().contains(m)).toList()),
                    p.enabled().size() + " of " + p.available().size());
        }
        table.print(System.out);
        return null;
    }
}
