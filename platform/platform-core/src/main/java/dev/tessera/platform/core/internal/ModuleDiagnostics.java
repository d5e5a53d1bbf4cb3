package dev.tessera.platform.core.internal;

import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.features.BundleInfo;
import org.apache.karaf.features.Feature;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/**
 * Explains why an enabled module is not active, from the state of its feature's bundles and their
 * Declarative Services components.
 */
final class ModuleDiagnostics {

    /** One reason; a fatal one will not go away by waiting (a bundle that cannot resolve, an activation failure). */
    record Problem(String text, boolean fatal) {
    }

    private ModuleDiagnostics() {
    }

    static List<Problem> diagnose(Feature feature, BundleContext context, ServiceComponentRuntime scr) {
        List<Problem> problems = new ArrayList<>();
        for (BundleInfo info : feature.getBundles()) {
            Bundle bundle = context.getBundle(info.getLocation());
            if (bundle == null) {
                if (!info.isDependency()) {
                    problems.add(new Problem("bundle " + info.getLocation() + " is not installed", false));
                }
                continue;
            }
            String name = bundle.getSymbolicName() + "/" + bundle.getVersion();
            boolean fragment = isFragment(bundle);
            switch (bundle.getState()) {
                case Bundle.ACTIVE -> problems.addAll(components(bundle, name, scr));
                case Bundle.INSTALLED -> problems.add(new Problem("bundle " + name + " cannot resolve (see bundle:diag "
                        + bundle.getBundleId() + ")", true));
                case Bundle.RESOLVED -> {
                    if (fragment) {
                        break;
                    }
                    int level = startLevel(bundle);
                    int framework = startLevel(context.getBundle(0));
                    if (level > framework) {
                        // the framework is still starting: the bundle starts when it reaches the bundle's level
                        problems.add(new Problem("bundle " + name + " waits for start level " + level + " (the"
                                + " framework is at " + framework + ")", false));
                    } else {
                        problems.add(new Problem("bundle " + name + " is resolved but not started (it failed to start"
                                + " or was stopped; see the log)", true));
                    }
                }
                case Bundle.STARTING -> problems.add(new Problem("bundle " + name + " is starting", false));
                default -> problems.add(new Problem("bundle " + name + " is stopping", false));
            }
        }
        return problems;
    }

    /** A bundle's start level, or the framework's active start level for the system bundle; 0 when unknown. */
    static int startLevel(Bundle bundle) {
        if (bundle == null) {
            return 0;
        }
        if (bundle.getBundleId() == 0) {
            org.osgi.framework.startlevel.FrameworkStartLevel framework =
                    bundle.adapt(org.osgi.framework.startlevel.FrameworkStartLevel.class);
            return framework == null ? 0 : framework.getStartLevel();
        }
        org.osgi.framework.startlevel.BundleStartLevel level =
                bundle.adapt(org.osgi.framework.startlevel.BundleStartLevel.class);
        return level == null ? 0 : level.getStartLevel();
    }

    /** A fragment is never started: RESOLVED is its healthy state. */
    static boolean isFragment(Bundle bundle) {
        return bundle.getHeaders("").get("Fragment-Host") != null;
    }

    private static List<Problem> components(Bundle bundle, String name, ServiceComponentRuntime scr) {
        List<Problem> problems = new ArrayList<>();
        if (scr == null) {
            return problems;
        }
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(bundle)) {
            if (!scr.isComponentEnabled(description)) {
                continue;
            }
            for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(description)) {
                switch (configuration.state) {
                    case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> {
                        List<String> missing = new ArrayList<>();
                        for (UnsatisfiedReferenceDTO ref : configuration.unsatisfiedReferences) {
                            String target = ref.target == null ? "" : " " + ref.target;
                            missing.add(serviceOf(description, ref.name) + target);
                        }
                        problems.add(new Problem("component " + description.name + " in " + name + " waits for "
                                + String.join(", ", missing), false));
                    }
                    case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION -> problems.add(new Problem("component "
                            + description.name + " in " + name + " needs configuration " + String.join(", ",
                            description.configurationPid), false));
                    case ComponentConfigurationDTO.FAILED_ACTIVATION -> problems.add(new Problem("component "
                            + description.name + " in " + name + " failed to activate: " + rootCause(configuration.failure),
                            true));
                    default -> {
                        // satisfied or active: nothing to report
                    }
                }
            }
        }
        return problems;
    }

    private static String serviceOf(ComponentDescriptionDTO description, String referenceName) {
        for (var ref : description.references) {
            if (ref.name.equals(referenceName)) {
                return ref.interfaceName;
            }
        }
        return referenceName;
    }

    /** The innermost "Caused by" of a stack trace as text, else its first line. */
    static String rootCause(String stackTrace) {
        if (stackTrace == null || stackTrace.isBlank()) {
            return "unknown reason";
        }
        String[] lines = stackTrace.split("\\R");
        String cause = lines[0].trim();
        for (String line : lines) {
            String trimmed = line.trim();
            if (trimmed.startsWith("Caused by: ")) {
                cause = trimmed.substring("Caused by: ".length());
            }
        }
        return cause;
    }
}
