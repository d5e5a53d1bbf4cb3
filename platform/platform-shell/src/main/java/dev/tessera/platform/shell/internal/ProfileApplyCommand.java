package dev.tessera.platform.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.Session;

import dev.tessera.platform.api.ProfileManager;
import dev.tessera.platform.api.ProfilePlan;

@Service
@Command(scope = "tessera", name = "profile-apply", description = "Applies a profile in one operation: all of it, or nothing changes")
public class ProfileApplyCommand extends TesseraAction {
    @Reference
    ProfileManager profiles;

    @Reference
    Session session;

    @Option(name = "--keep-others", description = "Keep enabled modules that are not in the profile")
    boolean keepOthers;

    @Option(name = "--yes", aliases = "-y", description = "Apply without asking")
    boolean yes;

    @Argument(index = 0, name = "profile", required = true, description = "Profile name, e.g. manufacturer")
    String profile;

    @Override
    protected Object run() throws Exception {
        ProfilePlan plan = profiles.plan(profile, keepOthers);
        ProfilePlanCommand.print(plan);
        if (plan.empty()) {
            System.out.println("Nothing to change.");
            return null;
        }
        if (!yes) {
            String answer = session.readLine("Apply this plan? (yes/no) ", null);
            if (answer == null || !answer.trim().equalsIgnoreCase("yes")) {
                System.out.println("Not applied. Answer yes, or add --yes to apply without asking.");
                return null;
            }
        }
        profiles.apply(profile, keepOthers, System.out::println);
        return null;
    }
}
