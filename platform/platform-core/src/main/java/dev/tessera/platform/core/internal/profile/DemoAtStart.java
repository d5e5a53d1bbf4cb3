package dev.tessera.platform.core.internal.profile;

import org.apache.karaf.features.BootFinished;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tessera.platform.api.ProfileManager;

/**
 * {@code bin/tessera demo} starts Tessera with the property {@code tessera.demo=<profile>}: once the boot has finished,
 * the profile is applied (other modules kept) and its demo data loaded, on a thread of its own, so that a newcomer
 * sees a working company at once. Without the property this does nothing.
 */
@Component(immediate = true)
public final class DemoAtStart {
    private static final Logger LOG = LoggerFactory.getLogger(DemoAtStart.class);

    @Activate
    public DemoAtStart(BundleContext context, @Reference ProfileManager profiles, @Reference BootFinished boot) {
        String profile = context.getProperty("tessera.demo");
        if (profile == null || profile.isBlank()) {
            return;
        }
        Thread thread = new Thread(() -> {
            try {
                awaitFrameworkStarted(context);
                profiles.demo(profile.trim(), line -> LOG.info("Demo: {}", line));
                LOG.info("Demo profile {} is ready", profile);
            } catch (RuntimeException e) {
                LOG.error("Demo profile {} could not be applied: {}", profile, e.getMessage());
            }
        }, "tessera-demo");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Waits (at most two minutes) until the framework has reached its beginning start level: the boot features may
     * be in before it, and bundles of a module enabled earlier would wait at their start level, unstarted.
     */
    private static void awaitFrameworkStarted(BundleContext context) {
        String beginning = context.getProperty("org.osgi.framework.startlevel.beginning");
        int target;
        try {
            target = beginning == null ? 1 : Integer.parseInt(beginning.trim());
        } catch (NumberFormatException e) {
            target = 1;
        }
        org.osgi.framework.startlevel.FrameworkStartLevel framework = context.getBundle(0)
                .adapt(org.osgi.framework.startlevel.FrameworkStartLevel.class);
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(2);
        while (framework != null && framework.getStartLevel() < target && System.nanoTime() < until) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
