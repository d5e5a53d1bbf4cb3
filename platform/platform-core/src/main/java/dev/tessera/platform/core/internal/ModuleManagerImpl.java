package dev.tessera.platform.core.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

import org.apache.karaf.features.Dependency;
import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService.Option;
import org.apache.karaf.features.FeaturesService;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tessera.platform.api.EventDeclaration;
import dev.tessera.platform.api.ModuleDescriptor;
import dev.tessera.platform.api.ModuleInfo;
import dev.tessera.platform.api.ModuleManager;
import dev.tessera.platform.api.ModuleState;
import dev.tessera.platform.api.Ownership;
import dev.tessera.platform.api.OwnershipConflict;
import dev.tessera.platform.api.OwnershipRegistry;
import dev.tessera.platform.api.PlatformErrors;
import dev.tessera.platform.api.RecordType;
import dev.tessera.platform.api.TesseraException;
import dev.tessera.platform.api.persistence.MigrationStatus;
import dev.tessera.platform.api.persistence.SchemaMigrations;

/**
 * Enables and disables modules through Karaf's features service, always without refreshing bundles, so that only
 * the bundles of the modules concerned start or stop. Karaf keeps the installed features across restarts, which
 * makes the enabled set durable without a second copy of that state here.
 */
@Component(service = {ModuleManager.class, OwnershipRegistry.class}, configurationPid = ModuleManagerImpl.PID)
@Designate(ocd = ModuleManagerImpl.Config.class)
public final class ModuleManagerImpl implements ModuleManager, OwnershipRegistry {
    static final String PID = "dev.tessera.platform.modules";
    private static final Logger LOG = LoggerFactory.getLogger(ModuleManagerImpl.class);
    private static final EnumSet<Option> NO_REFRESH = EnumSet.of(Option.NoAutoRefreshBundles);
    private static final EnumSet<Option> UPGRADE = EnumSet.of(Option.Upgrade, Option.NoAutoRefreshBundles);

    @ObjectClassDefinition(name = "Tessera modules", description = "How the kernel enables and disables modules")
    public @interface Config {
        @AttributeDefinition(description = "How long enabling waits for a module to become active before it rolls back")
        int activationTimeoutSeconds() default 60;
    }

    private final FeaturesService features;
    private final BundleContext context;
    private final OwnershipTable ownership = new OwnershipTable();
    private final Object stateChanged = new Object();
    private final ReentrantLock operations = new ReentrantLock();
    private volatile long activationTimeoutMillis;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ServiceComponentRuntime scr;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile SchemaMigrations migrations;

    @Activate
    public ModuleManagerImpl(@Reference FeaturesService features, BundleContext context, Config config) {
        this.features = features;
        this.context = context;
        modified(config);
    }

    @Modified
    void modified(Config config) {
        if (config.activationTimeoutSeconds() < 1) {
            LOG.error("{}: activationTimeoutSeconds = {} is not valid, it must be at least 1; using 60", PID,
                    config.activationTimeoutSeconds());
            activationTimeoutMillis = TimeUnit.SECONDS.toMillis(60);
        } else {
            activationTimeoutMillis = TimeUnit.SECONDS.toMillis(config.activationTimeoutSeconds());
        }
    }

    @Reference(service = ModuleDescriptor.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC)
    void addDescriptor(ModuleDescriptor descriptor) {
        List<OwnershipConflict> conflicts = ownership.add(descriptor);
        if (conflicts.isEmpty()) {
            LOG.info("Module {} {} is active, owning {}", descriptor.id(), descriptor.version(), descriptor.owns());
        } else {
            conflicts.forEach(c -> LOG.error("Module {} refused: {}", descriptor.id(), c.message()));
        }
        signal();
    }

    void removeDescriptor(ModuleDescriptor descriptor) {
        ownership.remove(descriptor);
        LOG.info("Module {} is no longer active", descriptor.id());
        signal();
    }

    // ---------------------------------------------------------------- ModuleManager

    @Override
    public List<ModuleInfo> modules() {
        Map<String, Feature> moduleFeatures = moduleFeatures();
        OwnershipTable.Snapshot snapshot = ownership.snapshot();
        Set<String> ids = new TreeSet<>(moduleFeatures.keySet());
        ids.addAll(snapshot.registered().keySet());
        List<ModuleInfo> result = new ArrayList<>();
        for (String id : ids) {
            result.add(info(id, moduleFeatures, snapshot));
        }
        return result;
    }

    @Override
    public Optional<ModuleInfo> module(String id) {
        Map<String, Feature> moduleFeatures = moduleFeatures();
        OwnershipTable.Snapshot snapshot = ownership.snapshot();
        if (!moduleFeatures.containsKey(id) && !snapshot.registered().containsKey(id)) {
            return Optional.empty();
        }
        return Optional.of(info(id, moduleFeatures, snapshot));
    }

    @Override
    public List<ModuleInfo> enable(Collection<String> ids) {
        return logRefusal("enable", ids, () -> doEnable(ids));
    }

    @Override
    public List<ModuleInfo> disable(Collection<String> ids) {
        return logRefusal("disable", ids, () -> doDisable(ids));
    }

    @Override
    public ModuleInfo upgrade(String id) {
        return logRefusal("upgrade", List.of(String.valueOf(id)), () -> List.of(doUpgrade(id))).get(0);
    }

    private ModuleInfo doUpgrade(String id) {
        operations.lock();
        try {
            List<String> wanted = normalize(id == null ? List.of() : List.of(id), "upgrade");
            String module = wanted.get(0);
            Map<String, Feature> moduleFeatures = moduleFeatures();
            Feature current = known(module, moduleFeatures);
            if (!features.isInstalled(current)) {
                throw new TesseraException(PlatformErrors.MODULE_NOT_ENABLED, "Module '" + module
                        + "' is not enabled, so there is nothing to upgrade; enable it (tessera:enable " + module + ")");
            }
            Feature target = newestFeature(module).orElse(current);
            if (newest(current, target) == current) {
                throw new TesseraException(PlatformErrors.MODULE_UP_TO_DATE, "Module '" + module + "' is already at "
                        + current.getVersion() + ", the newest version available; add a features repository with a"
                        + " newer one first (feature:repo-add)");
            }
            long start = System.nanoTime();
            LOG.info("Upgrading module {} from {} to {}", module, current.getVersion(), target.getVersion());
            String why = null;
            try {
                features.installFeature(target.getName(), target.getVersion(), UPGRADE);
                Map<String, String> problems = awaitActive(Set.of(module), moduleFeatures());
                if (!problems.isEmpty()) {
                    why = "module '" + module + "' " + problems.get(module);
                }
            } catch (Exception e) {
                why = ResolverMessages.summarize(e);
            }
            if (why != null) {
                String restored = restore(current);
                LOG.error("Upgrading module {} to {} failed, {}: {}", module, target.getVersion(), restored, why);
                throw new TesseraException(PlatformErrors.MODULE_FAILED, "Could not upgrade " + module + " to "
                        + target.getVersion() + ": " + why + ". " + restored + ".");
            }
            LOG.info("Upgraded module {} to {} in {} ms (its data is kept)", module, target.getVersion(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            return module(module).orElseThrow();
        } finally {
            operations.unlock();
        }
    }

    /** Puts the previous version of a module back after a failed upgrade; says what happened. */
    private String restore(Feature previous) {
        try {
            features.installFeature(previous.getName(), previous.getVersion(), UPGRADE);
            return "version " + previous.getVersion() + " was restored";
        } catch (Exception e) {
            LOG.error("Restoring {} {} failed", previous.getName(), previous.getVersion(), e);
            return "restoring version " + previous.getVersion() + " failed too (" + ResolverMessages.summarize(e)
                    + "); install it by hand";
        }
    }

    /** Every refusal reaches the log too, with what was asked, not only the caller. */
    private static List<ModuleInfo> logRefusal(String verb, Collection<String> ids, java.util.function.Supplier<List<ModuleInfo>> op) {
        try {
            return op.get();
        } catch (TesseraException e) {
            if (!PlatformErrors.MODULE_FAILED.code().equals(e.code())) {
                LOG.warn("Refused to {} modules {}: {} [{}]", verb, ids, e.getMessage(), e.code());
            }
            throw e;
        }
    }

    private List<ModuleInfo> doEnable(Collection<String> ids) {
        operations.lock();
        try {
            List<String> wanted = normalize(ids, "enable");
            Map<String, Feature> moduleFeatures = moduleFeatures();
            List<Feature> targets = new ArrayList<>();
            for (String id : wanted) {
                Feature feature = known(id, moduleFeatures);
                if (features.isRequired(feature)) {
                    throw new TesseraException(PlatformErrors.MODULE_ALREADY_ENABLED,
                            "Module '" + id + "' is already enabled; nothing was changed");
                }
                targets.add(feature);
            }
            Set<String> installedBefore = installedModules(moduleFeatures);
            long start = System.nanoTime();
            LOG.info("Enabling modules {}", wanted);
            try {
                features.installFeatures(featureIds(targets), NO_REFRESH);
            } catch (Exception e) {
                String why = ResolverMessages.summarize(e);
                rollback(targets, installedBefore, moduleFeatures);
                LOG.error("Enabling modules {} failed, previous set restored: {}", wanted, why, e);
                throw new TesseraException(PlatformErrors.MODULE_FAILED, "Could not enable " + String.join(", ", wanted)
                        + ": " + why + ". The previous set of modules was restored.");
            }
            Set<String> mustBeActive = new LinkedHashSet<>(wanted);
            installedModules(moduleFeatures).stream().filter(m -> !installedBefore.contains(m)).forEach(mustBeActive::add);
            Map<String, String> problems = awaitActive(mustBeActive, moduleFeatures);
            if (!problems.isEmpty()) {
                rollback(targets, installedBefore, moduleFeatures);
                String why = problems.entrySet().stream().map(e -> "module '" + e.getKey() + "' " + e.getValue())
                        .collect(Collectors.joining("; "));
                LOG.error("Enabling modules {} failed, previous set restored: {}", wanted, why);
                throw new TesseraException(PlatformErrors.MODULE_FAILED, "Could not enable " + String.join(", ", wanted)
                        + ": " + why + ". The previous set of modules was restored.");
            }
            LOG.info("Enabled modules {} in {} ms", mustBeActive, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            return modules();
        } finally {
            operations.unlock();
        }
    }

    private List<ModuleInfo> doDisable(Collection<String> ids) {
        operations.lock();
        try {
            List<String> wanted = normalize(ids, "disable");
            Map<String, Feature> moduleFeatures = moduleFeatures();
            OwnershipTable.Snapshot snapshot = ownership.snapshot();
            List<Feature> targets = new ArrayList<>();
            Map<String, Set<String>> requiredBy = new TreeMap<>();
            for (String id : wanted) {
                Feature feature = known(id, moduleFeatures);
                if (!features.isInstalled(feature)) {
                    throw new TesseraException(PlatformErrors.MODULE_NOT_ENABLED,
                            "Module '" + id + "' is not enabled; nothing was changed");
                }
                targets.add(feature);
            }
            for (String other : installedModules(moduleFeatures)) {
                if (wanted.contains(other)) {
                    continue;
                }
                for (String required : requires(other, moduleFeatures, snapshot)) {
                    if (wanted.contains(required)) {
                        requiredBy.computeIfAbsent(required, k -> new TreeSet<>()).add(other);
                    }
                }
            }
            if (!requiredBy.isEmpty()) {
                String why = requiredBy.entrySet().stream()
                        .map(e -> "'" + e.getKey() + "' is required by enabled module(s) " + String.join(", ", e.getValue()))
                        .collect(Collectors.joining("; "));
                Set<String> all = new TreeSet<>(wanted);
                requiredBy.values().forEach(all::addAll);
                throw new TesseraException(PlatformErrors.MODULE_REQUIRED, "Cannot disable " + String.join(", ", wanted)
                        + ": " + why + ". Disable those too (tessera:disable " + String.join(" ", all)
                        + ") or keep it enabled; nothing was changed.");
            }
            for (Feature feature : targets) {
                if (!features.isRequired(feature)) {
                    throw new TesseraException(PlatformErrors.MODULE_REQUIRED, "Cannot disable '"
                            + moduleIdOf(feature) + "': it was enabled as a requirement of another feature; disable that one");
                }
            }
            long start = System.nanoTime();
            LOG.info("Disabling modules {}", wanted);
            try {
                features.uninstallFeatures(featureIds(targets), NO_REFRESH);
            } catch (Exception e) {
                String why = ResolverMessages.summarize(e);
                LOG.error("Disabling modules {} failed: {}", wanted, why, e);
                throw new TesseraException(PlatformErrors.MODULE_FAILED, "Could not disable " + String.join(", ", wanted)
                        + ": " + why);
            }
            awaitInactive(wanted);
            LOG.info("Disabled modules {} in {} ms (their data is kept)", wanted,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
            return modules();
        } finally {
            operations.unlock();
        }
    }

    // ---------------------------------------------------------------- OwnershipRegistry

    @Override
    public Optional<String> ownerOf(RecordType recordType) {
        return Optional.ofNullable(ownership.snapshot().owners().get(recordType));
    }

    @Override
    public List<Ownership> table() {
        return new TreeMap<>(ownership.snapshot().owners()).entrySet().stream()
                .map(e -> new Ownership(e.getKey(), e.getValue())).toList();
    }

    @Override
    public List<OwnershipConflict> conflicts() {
        return ownership.snapshot().conflicts();
    }

    @Override
    public List<EventDeclaration> eventTypes() {
        return List.copyOf(ownership.snapshot().events().values());
    }

    @Override
    public Optional<EventDeclaration> eventType(String name) {
        return Optional.ofNullable(ownership.snapshot().events().get(name));
    }

    @Override
    public void requireOwner(String moduleId, RecordType recordType) {
        String owner = ownership.snapshot().owners().get(recordType);
        if (owner == null) {
            throw new TesseraException(PlatformErrors.MODULE_UNAVAILABLE, "No active module owns record type '"
                    + recordType + "', so it cannot be written now; enable its owning module (see tessera:modules)");
        }
        if (!owner.equals(moduleId)) {
            throw new TesseraException(PlatformErrors.NOT_OWNER, "Module '" + moduleId + "' may not write record type '"
                    + recordType + "': module '" + owner + "' owns it. Change it through " + owner
                    + "'s service and keep a read-only copy from its events");
        }
    }

    // ---------------------------------------------------------------- internals

    private ModuleInfo info(String id, Map<String, Feature> moduleFeatures, OwnershipTable.Snapshot snapshot) {
        Feature feature = moduleFeatures.get(id);
        ModuleDescriptor descriptor = snapshot.registered().get(id);
        boolean enabled = feature != null ? features.isInstalled(feature) : descriptor != null;
        ModuleState state;
        List<String> reason = List.of();
        if (descriptor != null && snapshot.accepted().get(id) == descriptor) {
            state = ModuleState.ACTIVE;
        } else if (descriptor != null) {
            state = ModuleState.REFUSED;
            reason = snapshot.conflicts().stream().filter(c -> c.refusedModule().equals(id))
                    .map(OwnershipConflict::message).toList();
        } else if (enabled) {
            state = ModuleState.INSTALLED;
            reason = problems(id, feature).stream().map(ModuleDiagnostics.Problem::text).toList();
            if (reason.isEmpty()) {
                reason = List.of("its bundles are active but it registered no ModuleDescriptor service");
            }
        } else {
            state = ModuleState.AVAILABLE;
        }
        String name = descriptor != null ? descriptor.name()
                : feature.getDescription() != null && !feature.getDescription().isBlank() ? feature.getDescription()
                : feature.getName();
        String version = descriptor != null ? descriptor.version() : feature.getVersion();
        String newest = feature == null ? version : newestFeature(id).map(Feature::getVersion).orElse(version);
        return new ModuleInfo(id, name, version, newest, state, enabled,
                descriptor != null ? descriptor.owns() : Set.of(),
                requires(id, moduleFeatures, snapshot),
                descriptor != null ? descriptor.integratesWith() : Set.of(),
                reason);
    }

    /** Modules this one requires: what its descriptor says and the module features its feature depends on. */
    private Set<String> requires(String id, Map<String, Feature> moduleFeatures, OwnershipTable.Snapshot snapshot) {
        Set<String> result = new TreeSet<>();
        ModuleDescriptor descriptor = snapshot.registered().get(id);
        if (descriptor != null) {
            result.addAll(descriptor.requires());
        }
        Feature feature = moduleFeatures.get(id);
        if (feature != null) {
            for (Dependency dependency : feature.getDependencies()) {
                moduleFeatures.entrySet().stream()
                        .filter(e -> e.getValue().getName().equals(dependency.getName()))
                        .forEach(e -> result.add(e.getKey()));
            }
        }
        result.remove(id);
        return result;
    }

    /** Every module feature known to the features service, highest version per module id. */
    private Map<String, Feature> moduleFeatures() {
        Feature[] all;
        try {
            all = features.listFeatures();
        } catch (Exception e) {
            throw new TesseraException(PlatformErrors.MODULE_UNAVAILABLE,
                    "The features service cannot list features: " + ResolverMessages.summarize(e), e);
        }
        Map<String, Feature> result = new TreeMap<>();
        for (Feature feature : all) {
            ModuleFeature.moduleId(feature).ifPresent(id -> result.merge(id, feature, this::preferred));
        }
        return result;
    }

    /** Of two versions of a module's feature: the installed one, else the higher one. */
    private Feature preferred(Feature a, Feature b) {
        boolean aInstalled = features.isInstalled(a);
        if (aInstalled != features.isInstalled(b)) {
            return aInstalled ? a : b;
        }
        return newest(a, b);
    }

    private static Feature newest(Feature a, Feature b) {
        return org.osgi.framework.Version.parseVersion(a.getVersion())
                .compareTo(org.osgi.framework.Version.parseVersion(b.getVersion())) >= 0 ? a : b;
    }

    /** The newest version of a module's feature in the features repositories. */
    private Optional<Feature> newestFeature(String id) {
        try {
            Feature newest = null;
            for (Feature feature : features.listFeatures()) {
                if (ModuleFeature.moduleId(feature).filter(id::equals).isPresent()) {
                    newest = newest == null ? feature : newest(newest, feature);
                }
            }
            return Optional.ofNullable(newest);
        } catch (Exception e) {
            throw new TesseraException(PlatformErrors.MODULE_UNAVAILABLE,
                    "The features service cannot list features: " + ResolverMessages.summarize(e), e);
        }
    }

    private Set<String> installedModules(Map<String, Feature> moduleFeatures) {
        Set<String> result = new TreeSet<>();
        moduleFeatures.forEach((id, feature) -> {
            if (features.isInstalled(feature)) {
                result.add(id);
            }
        });
        return result;
    }

    private static String moduleIdOf(Feature feature) {
        return ModuleFeature.moduleId(feature).orElse(feature.getName());
    }

    private static Set<String> featureIds(List<Feature> targets) {
        return targets.stream().map(f -> f.getName() + "/" + f.getVersion()).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private Feature known(String id, Map<String, Feature> moduleFeatures) {
        Feature feature = moduleFeatures.get(id);
        if (feature == null) {
            throw new TesseraException(PlatformErrors.UNKNOWN_MODULE, "Unknown module '" + id + "'. Available modules: "
                    + (moduleFeatures.isEmpty() ? "none" : String.join(", ", moduleFeatures.keySet()))
                    + " (see tessera:modules)");
        }
        return feature;
    }

    private static List<String> normalize(Collection<String> ids, String verb) {
        List<String> result = new ArrayList<>();
        if (ids != null) {
            for (String id : ids) {
                if (id != null && !id.isBlank() && !result.contains(id.trim())) {
                    result.add(id.trim());
                }
            }
        }
        if (result.isEmpty()) {
            throw new TesseraException(PlatformErrors.INVALID_ARGUMENT,
                    "Name at least one module id to " + verb + " (see tessera:modules)");
        }
        return result;
    }

    /** Removes what an enable added, so the previous set of modules is back. */
    private void rollback(List<Feature> targets, Set<String> installedBefore, Map<String, Feature> moduleFeatures) {
        List<Feature> added = targets.stream().filter(features::isRequired).toList();
        if (added.isEmpty()) {
            return;
        }
        try {
            features.uninstallFeatures(featureIds(added), NO_REFRESH);
        } catch (Exception e) {
            LOG.error("Rolling back {} failed; uninstall the features by hand (feature:uninstall -r): {}",
                    featureIds(added), ResolverMessages.summarize(e), e);
        }
        Set<String> leftOver = installedModules(moduleFeatures);
        leftOver.removeAll(installedBefore);
        if (!leftOver.isEmpty()) {
            LOG.error("After rollback these modules are still installed: {}", leftOver);
        }
    }

    /** Why an enabled module is not active: a failed schema migration first, then its bundles and components. */
    private List<ModuleDiagnostics.Problem> problems(String id, Feature feature) {
        List<ModuleDiagnostics.Problem> problems = new ArrayList<>();
        SchemaMigrations schemas = migrations;
        if (schemas != null) {
            for (MigrationStatus status : schemas.status()) {
                if (status.moduleId().equals(id) && status.failed()) {
                    problems.add(new ModuleDiagnostics.Problem("its schema migration failed (schema left at '"
                            + status.appliedVersion() + "', " + status.pending() + " change set(s) pending): "
                            + status.lastError(), true));
                }
            }
        }
        problems.addAll(ModuleDiagnostics.diagnose(feature, context, scr));
        return problems;
    }

    /** Waits until each module is active; returns, per module that is not, why. Stops early on a fatal problem. */
    private Map<String, String> awaitActive(Set<String> ids, Map<String, Feature> moduleFeatures) {
        long deadline = System.currentTimeMillis() + activationTimeoutMillis;
        while (true) {
            OwnershipTable.Snapshot snapshot = ownership.snapshot();
            Map<String, String> pending = new LinkedHashMap<>();
            boolean fatal = false;
            for (String id : ids) {
                ModuleDescriptor descriptor = snapshot.registered().get(id);
                if (descriptor != null && snapshot.accepted().get(id) == descriptor) {
                    continue;
                }
                if (descriptor != null) {
                    pending.put(id, "was refused: " + snapshot.conflicts().stream().filter(c -> c.refusedModule().equals(id))
                            .map(OwnershipConflict::message).collect(Collectors.joining("; ")));
                    fatal = true;
                    continue;
                }
                List<ModuleDiagnostics.Problem> problems = problems(id, moduleFeatures.get(id));
                fatal |= problems.stream().anyMatch(ModuleDiagnostics.Problem::fatal);
                pending.put(id, problems.isEmpty() ? "registered no ModuleDescriptor service"
                        : problems.stream().map(ModuleDiagnostics.Problem::text).collect(Collectors.joining("; ")));
            }
            long remaining = deadline - System.currentTimeMillis();
            if (pending.isEmpty()) {
                return Map.of();
            }
            if (fatal || remaining <= 0) {
                if (!fatal) {
                    pending.replaceAll((id, why) -> "did not become active within "
                            + TimeUnit.MILLISECONDS.toSeconds(activationTimeoutMillis) + " s: " + why);
                }
                return pending;
            }
            waitForChange(Math.min(remaining, 250));
        }
    }

    private void awaitInactive(List<String> ids) {
        long deadline = System.currentTimeMillis() + activationTimeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            Set<String> registered = ownership.snapshot().registered().keySet();
            if (ids.stream().noneMatch(registered::contains)) {
                return;
            }
            waitForChange(250);
        }
        LOG.warn("Modules {} still have a registered descriptor after they were disabled", ids);
    }

    private void waitForChange(long millis) {
        synchronized (stateChanged) {
            try {
                stateChanged.wait(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TesseraException(PlatformErrors.MODULE_FAILED, "Interrupted while waiting for modules", e);
            }
        }
    }

    private void signal() {
        synchronized (stateChanged) {
            stateChanged.notifyAll();
        }
    }
}
