package dev.tessera.platform.core.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tessera.platform.api.HealthCheck;
import dev.tessera.platform.api.HealthReport;
import dev.tessera.platform.api.HealthService;
import dev.tessera.platform.api.HealthStatus;
import dev.tessera.platform.api.ModuleInfo;
import dev.tessera.platform.api.ModuleManager;
import dev.tessera.platform.api.ModuleState;
import dev.tessera.platform.api.OwnershipConflict;
import dev.tessera.platform.api.OwnershipRegistry;

/** Health of the framework, the contributed checks (e.g. the datasource), record ownership and every enabled module. */
@Component(service = HealthService.class)
public final class HealthServiceImpl implements HealthService {
    private static final Logger LOG = LoggerFactory.getLogger(HealthServiceImpl.class);

    private final BundleContext context;
    private final ModuleManager modules;
    private final OwnershipRegistry ownership;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private volatile List<HealthCheck> checks = List.of();

    @Activate
    public HealthServiceImpl(BundleContext context, @Reference ModuleManager modules, @Reference OwnershipRegistry ownership) {
        this.context = context;
        this.modules = modules;
        this.ownership = ownership;
    }

    @Override
    public HealthReport report() {
        List<HealthReport.Entry> entries = new ArrayList<>();
        entries.add(new HealthReport.Entry("framework", framework()));
        List<HealthCheck> contributed = new ArrayList<>(checks);
        contributed.sort(Comparator.comparing(HealthCheck::name));
        for (HealthCheck check : contributed) {
            entries.add(new HealthReport.Entry(check.name(), run(check)));
        }
        List<OwnershipConflict> conflicts = ownership.conflicts();
        entries.add(new HealthReport.Entry("ownership", conflicts.isEmpty()
                ? HealthStatus.up(ownership.table().size() + " record types, each with one owner")
                : HealthStatus.down(String.join("; ", conflicts.stream().map(OwnershipConflict::message).toList()))));
        for (ModuleInfo module : modules.modules()) {
            if (!module.enabled()) {
                continue;
            }
            entries.add(new HealthReport.Entry("module " + module.id(), module.state() == ModuleState.ACTIVE
                    ? HealthStatus.up("active, version " + module.version())
                    : HealthStatus.down(module.state().name().toLowerCase() + ": " + String.join("; ", module.reason()))));
        }
        boolean up = entries.stream().allMatch(e -> e.status().up());
        return new HealthReport(up, entries);
    }

    private HealthStatus framework() {
        List<String> notActive = new ArrayList<>();
        Bundle[] bundles = context.getBundles();
        for (Bundle bundle : bundles) {
            boolean fragment = ModuleDiagnostics.isFragment(bundle);
            boolean ok = bundle.getState() == Bundle.ACTIVE || fragment && bundle.getState() == Bundle.RESOLVED;
            if (!ok) {
                notActive.add(bundle.getSymbolicName() + " (" + state(bundle.getState()) + ")");
            }
        }
        String version = context.getBundle(0).getVersion().toString();
        return notActive.isEmpty()
                ? HealthStatus.up("OSGi framework " + version + ", " + bundles.length + " bundles, all active")
                : HealthStatus.down(notActive.size() + " of " + bundles.length + " bundles not active: " + String.join(", ", notActive));
    }

    private static HealthStatus run(HealthCheck check) {
        try {
            HealthStatus status = check.check();
            return status != null ? status : HealthStatus.down("the check returned no status");
        } catch (RuntimeException e) {
            LOG.error("Health check {} failed", check.name(), e);
            return HealthStatus.down("the check failed: " + e);
        }
    }

    private static String state(int state) {
        return switch (state) {
            case Bundle.INSTALLED -> "installed, not resolved";
            case Bundle.RESOLVED -> "resolved, not started";
            case Bundle.STARTING -> "starting";
            case Bundle.STOPPING -> "stopping";
            case Bundle.UNINSTALLED -> "uninstalled";
            default -> "active";
        };
    }
}
