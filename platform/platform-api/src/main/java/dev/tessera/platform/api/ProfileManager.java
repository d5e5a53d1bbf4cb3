package dev.tessera.platform.api;

import java.util.List;
import java.util.function.Consumer;

import org.osgi.annotation.versioning.ProviderType;

/** Business profiles: named module sets an administrator plans and applies in one operation. */
@ProviderType
public interface ProfileManager {

    List<Profile> profiles();

    /** What {@link #apply} would do; {@code keepOthers} keeps enabled modules that are not in the profile. */
    ProfilePlan plan(String profile, boolean keepOthers);

    /**
     * Applies a profile as one operation: if any module fails, the enabled set returns to what it was and the
     * exception says which module and why. Disabling keeps every module's data. {@code progress} hears a line per
     * step.
     */
    ProfilePlan apply(String profile, boolean keepOthers, Consumer<String> progress);

    /**
     * Applies a profile keeping the other enabled modules, then loads the demo data of its modules (those that
     * offer {@link DemoData}); loading again adds nothing twice.
     */
    ProfilePlan demo(String profile, Consumer<String> progress);
}
