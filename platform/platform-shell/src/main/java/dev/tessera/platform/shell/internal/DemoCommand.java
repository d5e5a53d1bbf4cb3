package dev.tessera.platform.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import dev.tessera.platform.api.ProfileManager;

@Service
@Command(scope = "tessera", name = "demo", description = "Applies a profile (keeping other modules) and loads its demo company; loading again adds nothing twice")
public class DemoCommand extends TesseraAction {
    @Reference
    ProfileManager profiles;

    @Argument(index = 0, name = "profile", description = "Profile (demo when left out)")
    String profile = "demo";

    @Override
    protected Object run() {
        profiles.demo(profile, System.out::println);
        return null;
    }
}
