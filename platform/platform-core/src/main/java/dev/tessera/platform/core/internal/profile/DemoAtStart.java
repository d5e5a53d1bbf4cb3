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
                profiles.demo(profile.trim(), line -> LOG.info("Demo: {}", line));
                LOG.info("Demo profile {} is ready", profile);
            } catch (RuntimeException e) {
                LOG.error("Demo profile {} could not be applied: {}", profile, e.getMessage());
            }
        }, "tessera-demo");
        thread.setDaemon(true);
        thread.start();
    }
}
