package dev.tessera.platform.core.internal.profile;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tessera.platform.api.DemoData;
import dev.tessera.platform.api.ModuleInfo;
import dev.tessera.platform.api.ModuleManager;
import dev.tessera.platform.api.PlatformErrors;
import dev.tessera.platform.api.Profile;
import dev.tessera.platform.api.ProfileManager;
import dev.tessera.platform.api.ProfilePlan;
import dev.tessera.platform.api.RecordType;
import dev.tessera.platform.api.TesseraException;

/**
 * Profiles from {@code etc/dev.tessera.profiles.cfg}: one line per profile, {@code <name> = <module>, <module>, ...}
 * ({@code *} for every module). The keys are the profiles, so a partner adds a profile, or a module to one, by
 * editing a line; the file is read again when it changes.
 */
@Component(service = ProfileManager.class, configurationPid = ProfileManagerImpl.PID)
public final class ProfileManagerImpl implements ProfileManager {
    static final String PID = "dev.tessera.profiles";
    private static final Logger LOG = LoggerFactory.getLogger(ProfileManagerImpl.class);

    private final ModuleManager modules;
    private final List<DemoData> demos = new CopyOnWriteArrayList<>();
    private volatile Map<String, List<String>> profiles = Map.of();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addDemo(DemoData demo) {
        demos.add(demo);
    }

    void removeDemo(DemoData demo) {
        demos.remove(demo);
    }

    @Activate
    public ProfileManagerImpl(@Reference ModuleManager modules, Map<String, Object> properties) {
        this.modules = modules;
        configure(properties);
    }

    @Modified
    void configure(Map<String, Object> properties) {
        Map<String, List<String>> read = new TreeMap<>();
        for (Map.Entry<String, Object> p : properties.entrySet()) {
            String key = p.getKey();
            if (key.contains(".") || key.equals("objectClass")) {
                continue; // properties of the framework and DS (service.pid, osgi.ds..., felix...), never profiles
            }
            if (!key.matches("[a-z][a-z0-9-]*")) {
                LOG.warn("etc/{}.cfg: '{}' is not a profile name (lower-case words joined by hyphens); ignored", PID, key);
                continue;
            }
            read.put(key, Arrays.stream(String.valueOf(p.getValue()).split(",")).map(String::trim)
                    .filter(s -> !s.isEmpty()).distinct().toList());
        }
        read.putIfAbsent("all", List.of("*"));
        profiles = Map.copyOf(read);
    }

    @Override
    public List<Profile> profiles() {
        Map<String, ModuleInfo> all = byId();
        List<Profile> result = new ArrayList<>();
        for (Map.Entry<String, List<String>> p : new TreeMap<>(profiles).entrySet()) {
            List<String> wanted = expand(p.getValue(), all);
            result.add(new Profile(p.getKey(), wanted, wanted.stream().filter(all::containsKey).toList(),
                    wanted.stream().filter(id -> all.containsKey(id) && all.get(id).enabled()).toList()));
        }
        return result;
    }

    @Override
    public ProfilePlan plan(String profile, boolean keepOthers) {
        List<String> listed = profiles.get(profile);
        if (listed == null) {
            throw new TesseraException(PlatformErrors.UNKNOWN_PROFILE, "Unknown profile '" + profile + "'. Profiles: "
                    + String.join(", ", new TreeMap<>(profiles).keySet()) + " (etc/" + PID + ".cfg)");
        }
        Map<String, ModuleInfo> all = byId();
        List<String> wanted = expand(listed, all);
        List<String> unavailable = wanted.stream().filter(id -> !all.containsKey(id)).toList();
        Map<String, String> kept = new LinkedHashMap<>();
        Set<String> target = new LinkedHashSet<>();
        for (String id : wanted) {
            if (all.containsKey(id)) {
                addWithRequirements(id, all, target, kept, wanted);
            }
        }
        List<String> enabledNow = all.values().stream().filter(ModuleInfo::enabled).map(ModuleInfo::id).toList();
        List<String> enable = target.stream().filter(id -> !all.get(id).enabled()).sorted().toList();
        List<String> disable = new ArrayList<>();
        for (String id : enabledNow) {
            if (!target.contains(id)) {
                if (keepOthers) {
                    kept.put(id, "not in the profile; kept (--keep-others)");
                } else {
                    disable.add(id);
                }
            }
        }
        List<String> notes = new ArrayList<>();
        for (String id : disable) {
            Set<RecordType> owns = all.get(id).owns();
            if (!owns.isEmpty()) {
                notes.add(id + ": its records (" + owns.stream().map(RecordType::name).sorted()
                        .collect(Collectors.joining(", ")) + ") stay in the database, read-only until it is enabled again");
            }
        }
        return new ProfilePlan(profile, enable, List.copyOf(disable), kept, unavailable, notes);
    }

    private static void addWithRequirements(String id, Map<String, ModuleInfo> all, Set<String> target,
                                            Map<String, String> kept, List<String> wanted) {
        if (!target.add(id)) {
            return;
        }
        for (String required : all.get(id).requires()) {
            if (all.containsKey(required)) {
                if (!wanted.contains(required)) {
                    kept.putIfAbsent(required, "required by " + id);
                }
                addWithRequirements(required, all, target, kept, wanted);
            }
        }
    }

    @Override
    public ProfilePlan apply(String profile, boolean keepOthers, Consumer<String> progress) {
        ProfilePlan plan = plan(profile, keepOthers);
        if (!plan.unavailable().isEmpty()) {
            progress.accept("Not in this distribution, left out: " + String.join(", ", plan.unavailable()));
        }
        if (plan.empty()) {
            progress.accept("Profile " + profile + " is in place: nothing to change");
            return plan;
        }
        if (!plan.disable().isEmpty()) {
            progress.accept("Disabling " + String.join(", ", plan.disable()) + " (their data is kept)...");
            try {
                modules.disable(plan.disable());
            } catch (TesseraException e) {
                throw new TesseraException(e.code(), e.kind(), "Profile " + profile + " was not applied; nothing changed: "
                        + e.getMessage(), e);
            }
        }
        if (!plan.enable().isEmpty()) {
            progress.accept("Enabling " + String.join(", ", plan.enable()) + "...");
            try {
                modules.enable(plan.enable());
            } catch (TesseraException e) {
                // enable removed what it added; put back what this apply disabled
                if (!plan.disable().isEmpty()) {
                    progress.accept("Enabling failed; enabling " + String.join(", ", plan.disable()) + " again...");
                    try {
                        modules.enable(plan.disable());
                    } catch (RuntimeException again) {
                        LOG.error("Profile {}: could not enable {} again after a failed apply; enable them by hand: {}",
                                profile, plan.disable(), again.getMessage(), again);
                    }
                }
                throw new TesseraException(e.code(), e.kind(), "Profile " + profile + " was not applied; the modules are"
                        + " as they were: " + e.getMessage(), e);
            }
        }
        progress.accept("Profile " + profile + " applied: " + plan.enable().size() + " enabled, " + plan.disable().size()
                + " disabled" + (plan.unavailable().isEmpty() ? "" : ", " + plan.unavailable().size() + " not available"));
        LOG.info("Profile {} applied: enabled {}, disabled {}", profile, plan.enable(), plan.disable());
        return plan;
    }

    @Override
    public ProfilePlan demo(String profile, Consumer<String> progress) {
        ProfilePlan plan = apply(profile, true, progress);
        Map<String, ModuleInfo> all = byId();
        progress.accept("Loading demo data...");
        int loaded = 0;
        List<String> listed = expand(profiles.get(profile), all);
        Map<String, java.util.Set<String>> after = new java.util.HashMap<>();
        for (DemoData demo : demos) {
            after.put(demo.moduleId(), demo.after());
        }
        for (String id : demoOrder(listed, after)) {
            if (!all.containsKey(id) || !all.get(id).enabled()) {
                continue;
            }
            DemoData demo = demoOf(id);
            if (demo != null) {
                progress.accept("  " + id + ": " + load(id, demo));
                loaded++;
            }
        }
        progress.accept(loaded == 0 ? "No module of profile " + profile + " has demo data" : "Demo data of " + loaded
                + " module(s) in place");
        return plan;
    }

    /**
     * One module's demo data; a module that cannot add it (its data has moved on since, say) is reported with the
     * reason, and the others still load: the demo never fails on data that exists.
     */
    private static String load(String id, DemoData demo) {
        try {
            return demo.load();
        } catch (TesseraException e) {
            LOG.warn("Demo data of module {} not loaded: {} [{}]", id, e.getMessage(), e.code());
            return "not loaded: " + e.getMessage() + " [" + e.code() + "]";
        } catch (RuntimeException e) {
            LOG.error("Demo data of module {} not loaded", id, e);
            return "not loaded: it failed (" + e.getClass().getSimpleName() + "); the log has the details";
        }
    }

    /**
     * The modules in an order where each comes after the modules its demo data builds on ({@link DemoData#after()});
     * otherwise as listed.
     */
    static List<String> demoOrder(List<String> ids, Map<String, java.util.Set<String>> after) {
        List<String> ordered = new ArrayList<>();
        for (String id : ids) {
            visit(id, ids, after, ordered, new java.util.HashSet<>());
        }
        return ordered;
    }

    private static void visit(String id, List<String> ids, Map<String, java.util.Set<String>> after,
                              List<String> ordered, java.util.Set<String> path) {
        if (ordered.contains(id) || !path.add(id)) {
            return;
        }
        for (String first : new java.util.TreeSet<>(after.getOrDefault(id, java.util.Set.of()))) {
            if (ids.contains(first)) {
                visit(first, ids, after, ordered, path);
            }
        }
        ordered.add(id);
    }

    /** A module's demo data; right after enabling, its service may take a moment to appear. */
    private DemoData demoOf(String moduleId) {
        long deadline = System.currentTimeMillis() + 2_000;
        while (true) {
            for (DemoData demo : demos) {
                if (demo.moduleId().equals(moduleId)) {
                    return demo;
                }
            }
            if (System.currentTimeMillis() > deadline) {
                return null;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
    }

    private Map<String, ModuleInfo> byId() {
        Map<String, ModuleInfo> all = new LinkedHashMap<>();
        for (ModuleInfo m : modules.modules()) {
            all.put(m.id(), m);
        }
        return all;
    }

    private static List<String> expand(List<String> listed, Map<String, ModuleInfo> all) {
        if (listed.contains("*")) {
            return List.copyOf(all.keySet());
        }
        return listed;
    }
}
