package dev.tessera.platform.persistence.internal;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.sql.DataSource;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tessera.platform.api.HealthCheck;
import dev.tessera.platform.api.HealthStatus;
import dev.tessera.platform.api.persistence.MigrationStatus;
import dev.tessera.platform.api.persistence.ModuleSchema;
import dev.tessera.platform.api.persistence.SchemaMigrations;

/**
 * Applies each module's schema migrations when its bundle starts and only then registers the module's
 * {@link ModuleSchema}, which the module's components wait for. Migrations run one at a time on the extender's own
 * thread, so starting bundles (and the whole boot) never waits on the database. A module declares its schema in its manifest:
 * {@code Tessera-Schema: erp-ledger;changelog=db/changelog.xml}. A failed migration changes nothing (each change
 * set runs in its own transaction and Liquibase records only the committed ones), leaves the module without its
 * ModuleSchema, so inactive, and shows in the log, {@code tessera:migrations} and {@code tessera:health}.
 */
@Component(service = {SchemaMigrations.class, HealthCheck.class}, immediate = true)
public final class SchemaExtender implements SchemaMigrations, HealthCheck {
    static final String HEADER = "Tessera-Schema";
    private static final Logger LOG = LoggerFactory.getLogger(SchemaExtender.class);

    private final DataSource dataSource;
    private final BundleTracker<Tracked> tracker;
    private final Map<String, MigrationStatus> status = new ConcurrentHashMap<>();
    /** Modules whose bundle is started now; a failure of a module that is gone is history, not a health problem. */
    private final Set<String> present = ConcurrentHashMap.newKeySet();

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "tessera-schema-migrations");
        t.setDaemon(true);
        return t;
    });

    /** A bundle with a schema, and the ModuleSchema registered for it once migrated (until the bundle stops). */
    private static final class Tracked {
        private final SchemaDeclaration declaration;
        private ServiceRegistration<ModuleSchema> registration;
        private boolean removed;

        Tracked(SchemaDeclaration declaration) {
            this.declaration = declaration;
        }

        SchemaDeclaration declaration() {
            return declaration;
        }

        /** Registers the module's schema service, unless the bundle stopped meanwhile. */
        synchronized void register(Bundle bundle, ModuleSchema schema, Dictionary<String, Object> properties) {
            if (!removed && bundle.getBundleContext() != null) {
                registration = bundle.getBundleContext().registerService(ModuleSchema.class, schema, properties);
            }
        }

        synchronized boolean removed() {
            return removed;
        }

        synchronized void remove() {
            removed = true;
            if (registration != null) {
                try {
                    registration.unregister();
                } catch (IllegalStateException alreadyGone) {
                    // the bundle stopped and took its services with it
                }
            }
        }
    }

    @Activate
    public SchemaExtender(BundleContext context,
                          @Reference(target = "(osgi.jndi.service.name=tessera)") DataSource dataSource) {
        this.dataSource = dataSource;
        this.tracker = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, new BundleTrackerCustomizer<>() {
            @Override
            public Tracked addingBundle(Bundle bundle, BundleEvent event) {
                return track(bundle);
            }

            @Override
            public void modifiedBundle(Bundle bundle, BundleEvent event, Tracked tracked) {
                // STARTING -> ACTIVE: already migrated
            }

            @Override
            public void removedBundle(Bundle bundle, BundleEvent event, Tracked tracked) {
                present.remove(tracked.declaration().moduleId());
                tracked.remove();
            }
        });
        tracker.open();
    }

    /**
     * Stops taking migrations and lets the one running finish: interrupting a thread in the middle of Derby's file I/O
     * closes the database's file channel, and the engine's shutdown then waits minutes for it to be restored.
     */
    @Deactivate
    void deactivate() throws InterruptedException {
        tracker.close();
        worker.shutdown();
        if (!worker.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS)) {
            LOG.warn("A schema migration was still running 60 s after Tessera began to stop; it is left to finish");
        }
    }

    @Override
    public List<MigrationStatus> status() {
        List<MigrationStatus> result = new ArrayList<>(status.values());
        result.sort((a, b) -> a.moduleId().compareTo(b.moduleId()));
        return result;
    }

    @Override
    public String name() {
        return "migrations";
    }

    @Override
    public HealthStatus check() {
        List<String> failed = status().stream().filter(s -> s.failed() && present.contains(s.moduleId()))
                .map(s -> s.moduleId() + ": " + s.lastError()).toList();
        if (!failed.isEmpty()) {
            return HealthStatus.down("failed for " + String.join("; ", failed) + " (tessera:migrations)");
        }
        return HealthStatus.up(status().size() + " module schema(s) up to date");
    }

    /** Takes a starting bundle with a schema into account and queues its migration. */
    private Tracked track(Bundle bundle) {
        String header = bundle.getHeaders("").get(HEADER);
        if (header == null) {
            return null;
        }
        Optional<SchemaDeclaration> parsed = SchemaDeclaration.parse(header);
        if (parsed.isEmpty()) {
            LOG.error("Bundle {} declares '{}: {}', which is not of the form <module-id>;changelog=<path>; its schema"
                    + " is not migrated", bundle.getSymbolicName(), HEADER, header);
            return null;
        }
        SchemaDeclaration declaration = parsed.get();
        String module = declaration.moduleId();
        present.add(module);
        MigrationStatus previous = status.get(module);
        if (previous != null && previous.failed()) {
            // an earlier failure is history now: this start gets a new attempt
            status.put(module, new MigrationStatus(module, previous.appliedVersion(), previous.applied(),
                    previous.pending(), "", Instant.now()));
        }
        Tracked tracked = new Tracked(declaration);
        worker.execute(() -> {
            if (!tracked.removed()) {
                migrate(bundle, tracked, previous);
            }
        });
        return tracked;
    }

    private void migrate(Bundle bundle, Tracked tracked, MigrationStatus previous) {
        SchemaDeclaration declaration = tracked.declaration();
        String module = declaration.moduleId();
        long start = System.nanoTime();
        boolean connected = false;
        try (Connection connection = dataSource.getConnection()) {
            connected = true;
            LiquibaseMigration.Result result = LiquibaseMigration.run(connection, bundle, declaration);
            status.put(module, new MigrationStatus(module, result.lastApplied(), result.applied(), 0, "", Instant.now()));
            LOG.info("Schema of module {} is at {} ({} change sets, {} new) in {} ms", module, result.lastApplied(),
                    result.applied(), result.newlyApplied(), (System.nanoTime() - start) / 1_000_000);
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put(ModuleSchema.MODULE, module);
            properties.put("tessera.schema.version", result.lastApplied());
            tracked.register(bundle, new ModuleSchemaImpl(module, result.lastApplied()), properties);
        } catch (Exception | LinkageError e) { // a LinkageError: a class Liquibase needs is missing; say so, never die quietly
            String why = LiquibaseMigration.describe(e);
            // without a connection there is nothing to read the state from: keep what was known
            LiquibaseMigration.Result state = connected
                    ? LiquibaseMigration.stateAfterFailure(dataSource, bundle, declaration)
                    : previous == null ? new LiquibaseMigration.Result("", 0, 0, 0)
                    : new LiquibaseMigration.Result(previous.appliedVersion(), previous.applied(), 0, previous.pending());
            status.put(module, new MigrationStatus(module, state.lastApplied(), state.applied(), state.pending(), why,
                    Instant.now()));
            LOG.error("Schema migration of module {} failed; the module stays inactive and its schema and data are as"
                    + " they were{}: {}", module, previous == null ? "" : " (at " + previous.appliedVersion() + ")", why, e);
        }
    }

    private record ModuleSchemaImpl(String moduleId, String version) implements ModuleSchema {
    }
}
