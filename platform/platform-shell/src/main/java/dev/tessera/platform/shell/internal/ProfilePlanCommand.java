package dev.tessera.platform.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import dev.tessera.platform.api.ProfileManager;
import dev.tessera.platform.api.ProfilePlan;

@Service
@Command(scope = "tessera", name = "profile-plan", description = "Shows what applying a profile would enable, disable and keep, and why")
public class ProfilePlanCommand extends TesseraAction {
    @Reference
    ProfileManager profiles;

    @Option(name = "--keep-others", description = "Keep enabled modules that are not in the profile")
    boolean keepOthers;

    @Argument(index = 0, name = "profile", required = true, description = "Profile name, e.g. manufacturer")
    String profile;

    @Override
    protected Object run() {
        print(profiles.plan(profile, keepOthers));
        return null;
    }

    static void print(ProfilePlan plan) {
        System.out.println("Profile " + plan.profile() + ":");
        System.out.println("  enable:        " + (plan.enable().isEmpty() ? "-" : String.join(", ", plan.enable())));
        System.out.println("  disable:       " + (plan.disable().isEmpty() ? "-" : String.join(", ", plan.disable())));
        plan.kept().forEach((module, why) -> System.out.println("  keep:          " + module + " (" + why + ")"));
        if (!plan.unavailable().isEmpty()) {
            System.out.println("  not available: " + String.join(", ", plan.unavailable())
                    + " (not in this distribution; the rest is applied)");
        }
        plan.notes().forEach(note -> System.out.println("  note:          " + note));
    }
}
