package dev.tessera.itests;

import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.vmOptions;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import javax.inject.Inject;
import javax.security.auth.Subject;

import org.apache.karaf.features.BootFinished;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.features.Repository;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.util.Filter;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.util.tracker.ServiceTracker;

import dev.tessera.platform.api.ModuleManager;
import dev.tessera.platform.api.ModuleState;
import dev.tessera.platform.api.TesseraException;

/**
 * Boots the Tessera tar.gz assembled in this reactor (never a copy from the local Maven repository) once per test
 * class, on ports of its own, and gives the tests the console and the service registry.
 */
public abstract class TesseraTestSupport {

    /** The test modules' features repository, built by this module (see src/test/resources). */
    protected static final String TEST_FEATURES = "tessera.itest.features";
    private static final String KARAF_VERSION = "4.4.10";
    private static final int HTTP_PORT = freePortOrZero();

    @Inject
    protected BundleContext bundleContext;

    /** Karaf registers this once every boot feature is installed and started: tests begin on a booted system. */
    @Inject
    @Filter(timeout = 120_000)
    protected BootFinished bootFinished;

    @Inject
    protected SessionFactory sessionFactory;

    @Configuration
    public Option[] config() throws IOException {
        String distribution = requiredProperty("tessera.distribution");
        File tarGz = new File(distribution);
        assertTrue("The distribution " + tarGz + " is not built: run the reactor build first", tarGz.isFile());
        List<Option> options = new ArrayList<>(List.of(
            karafDistributionConfiguration()
                .frameworkUrl(tarGz.toURI().toString())
                .name("Tessera")
                .karafVersion(KARAF_VERSION)
                .unpackDirectory(new File("target/exam"))
                .useDeployFolder(false),
            configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
            logLevel(LogLevel.INFO),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", Integer.toString(freePort())),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", Integer.toString(freePort())),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", Integer.toString(freePort())),
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", Integer.toString(HTTP_PORT)),
            editConfigurationFilePut("etc/system.properties", "tessera.itest.http.port", Integer.toString(HTTP_PORT)),
            editConfigurationFilePut("etc/system.properties", TEST_FEATURES,
                    new File(requiredProperty(TEST_FEATURES)).toURI().toString()),
            systemProperty("pax.exam.osgi.unresolved.fail").value("true"),
            // injected services may take longer than Pax Exam's 10 s on a loaded CI machine: migrations run first
            systemProperty("pax.exam.service.timeout").value("60000"),
            // the module-system options of Karaf's own bin/karaf for Java 9+, which Pax Exam does not add by itself
            vmOptions(
                "--add-reads=java.xml=java.logging",
                "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED",
                "--patch-module", "java.base=lib/endorsed/org.apache.karaf.specs.locator-" + KARAF_VERSION + ".jar",
                "--patch-module", "java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + KARAF_VERSION + ".jar",
                "--add-opens", "java.base/java.security=ALL-UNNAMED",
                "--add-opens", "java.base/java.net=ALL-UNNAMED",
                "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                "--add-opens", "java.base/java.util=ALL-UNNAMED",
                "--add-opens", "java.naming/javax.naming.spi=ALL-UNNAMED",
                "--add-opens", "java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED",
                "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
                // as bin/setenv: the JAX-RS API bundle embeds a jar whose ZIP64 fields JDK 17.0.15 rejects
                "-Djdk.util.zip.disableZip64ExtraFieldValidation=true",
                "-classpath", "lib/jdk9plus/*" + File.pathSeparator + "lib/boot/*")));
        if (Boolean.getBoolean("tessera.itest.keep")) {
            // -Dtessera.itest.keep=true keeps target/exam/<id> (logs, data) for a look after the run
            options.add(keepRuntimeFolder());
        }
        return options.toArray(new Option[0]);
    }

    /** Adds the test modules' features repository once, so their modules are available. */
    protected void addTestModules(FeaturesService features) throws Exception {
        URI repository = URI.create(requiredProperty(TEST_FEATURES));
        for (Repository known : features.listRepositories()) {
            if (known.getURI().equals(repository)) {
                return;
            }
        }
        features.addRepository(repository);
    }

    /** Options pointing the distribution's DataSource at another database, as an administrator edits its file. */
    protected static List<Option> dataSource(String driverName, String url, String user, String password) {
        String cfg = "etc/org.ops4j.datasource-tessera.cfg";
        return List.of(editConfigurationFilePut(cfg, "osgi.jdbc.driver.name", driverName),
                editConfigurationFilePut(cfg, "url", url),
                editConfigurationFilePut(cfg, "user", user),
                editConfigurationFilePut(cfg, "password", password));
    }

    /** Runs a console command as an administrator and returns what it printed; fails the test if it fails. */
    protected String executeCommand(String command) {
        CommandResult result = tryCommand(command);
        if (result.failure() != null) {
            fail("'" + command + "' failed: " + result.failure() + "\n" + result.output());
        }
        return result.output();
    }

    /** Runs a console command that must fail and returns its error message. */
    protected String executeFailingCommand(String command) {
        CommandResult result = tryCommand(command);
        if (result.failure() == null) {
            fail("'" + command + "' should have failed but printed:\n" + result.output());
        }
        return result.failure();
    }

    /** What a command printed, and its error message if it failed. */
    protected record CommandResult(String output, String failure) {
    }

    /** Runs a command with the roles of the shipped admingroup (etc/users.properties). */
    protected CommandResult tryCommand(String command) {
        return tryCommandAs(command, "admin", "manager", "viewer", "finance", "inventory", "sales", "purchasing",
                "purchasing-approver", "manufacturing", "marketing", "systembundles", "ssh");
    }

    /** Runs a console command as a user holding exactly the given roles. */
    protected CommandResult tryCommandAs(String command, String... roles) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Session session = sessionFactory.create(new ByteArrayInputStream(new byte[0]), out, out);
        Subject user = new Subject();
        user.getPrincipals().add(new UserPrincipal("itest"));
        for (String role : roles) {
            user.getPrincipals().add(new RolePrincipal(role));
        }
        String failure = null;
        try {
            Subject.doAs(user, (PrivilegedExceptionAction<Object>) () -> session.execute(command));
        } catch (PrivilegedActionException e) {
            Throwable cause = e.getException();
            failure = cause.getMessage() == null ? cause.toString() : cause.getMessage();
        } catch (RuntimeException e) {
            failure = e.getMessage() == null ? e.toString() : e.getMessage();
        } finally {
            out.flush();
            session.close();
        }
        return new CommandResult(bytes.toString(StandardCharsets.UTF_8), failure);
    }

    /** Waits for a condition with a deadline; fails with the message if it does not come true in time. */
    protected static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("Timed out after " + timeout.toSeconds() + " s waiting for: " + what);
            }
            synchronized (TesseraTestSupport.class) {
                try {
                    TesseraTestSupport.class.wait(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    fail("Interrupted waiting for: " + what);
                }
            }
        }
    }

    /**
     * Enables modules the way an administrator does after boot (only their own bundles start; adding them to the
     * boot features instead let Karaf refresh unrelated bundles while booting) and returns once each is active.
     */
    protected void enableModules(String... ids) {
        ModuleManager modules = awaitService(ModuleManager.class);
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            if (modules.module(id).map(m -> m.state() != ModuleState.ACTIVE).orElse(true)) {
                missing.add(id);
            }
        }
        if (!missing.isEmpty()) {
            modules.enable(missing);
        }
        await("modules " + List.of(ids) + " active", Duration.ofSeconds(60), () -> java.util.Arrays.stream(ids)
                .allMatch(id -> modules.module(id).map(m -> m.state() == ModuleState.ACTIVE).orElse(false)));
    }

    /** The service of the given type, waiting up to a minute for it to be registered. */
    protected <T> T awaitService(Class<T> type) {
        ServiceTracker<T, T> tracker = new ServiceTracker<>(bundleContext, type, null);
        tracker.open();
        try {
            T found = tracker.waitForService(60_000);
            assertTrue("No " + type.getName() + " service was registered within 60 s", found != null);
            return found;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A number from the tessera database, e.g. {@code SELECT COUNT(*) FROM ...}. */
    protected long count(String sql) {
        try {
            ServiceReference<?>[] refs = bundleContext.getServiceReferences(javax.sql.DataSource.class.getName(),
                    "(osgi.jndi.service.name=tessera)");
            assertTrue("No tessera DataSource is registered", refs != null && refs.length > 0);
            javax.sql.DataSource dataSource = (javax.sql.DataSource) bundleContext.getService(refs[0]);
            try (java.sql.Connection c = dataSource.getConnection(); java.sql.Statement s = c.createStatement();
                 java.sql.ResultSet r = s.executeQuery(sql)) {
                r.next();
                return r.getLong(1);
            } finally {
                bundleContext.ungetService(refs[0]);
            }
        } catch (Exception e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /**
     * Writes an event straight into the outbox, as another module would have published it: the simulation of a
     * publisher (absent in the test, or sending the same fact again under a new event id) that the kernel's checks for
     * modules would not let the test probe be. The record type is the middle part of the type.
     */
    protected void injectEvent(String type, String recordId, java.util.Map<String, Object> payload) {
        String sql = "INSERT INTO TSR_EVENT (EVENT_ID, TYPE, RECORD_TYPE, RECORD_ID, RECORD_VERSION, SCHEMA_VERSION,"
                + " OCCURRED_AT, ACTOR, PAYLOAD, CHANGES) VALUES (?, ?, ?, ?, 1, 1, ?, 'itest', ?, '{}')";
        try {
            ServiceReference<?>[] refs = bundleContext.getServiceReferences(javax.sql.DataSource.class.getName(),
                    "(osgi.jndi.service.name=tessera)");
            javax.sql.DataSource dataSource = (javax.sql.DataSource) bundleContext.getService(refs[0]);
            try (java.sql.Connection c = dataSource.getConnection(); java.sql.PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, java.util.UUID.randomUUID().toString());
                s.setString(2, type);
                s.setString(3, type.substring(type.indexOf('.') + 1, type.lastIndexOf('.')));
                s.setString(4, recordId);
                s.setTimestamp(5, java.sql.Timestamp.from(java.time.Instant.now()));
                s.setString(6, new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(payload));
                s.executeUpdate();
            } finally {
                bundleContext.ungetService(refs[0]);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not inject " + type, e);
        }
    }

    /** A whole number field of a JSON document: its first occurrence. */
    protected static long number(String json, String field) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
        assertTrue(field + " in " + json, m.find());
        return Long.parseLong(m.group(1));
    }

    protected <T> T service(Class<T> type) {
        ServiceReference<T> ref = bundleContext.getServiceReference(type);
        assertTrue("No " + type.getName() + " service is registered", ref != null);
        return bundleContext.getService(ref);
    }

    /**
     * Calls a method of a test module's service by interface name, through reflection: the test probe never links
     * the test modules' API classes, so it is not tied to one revision of a bundle that the tests uninstall.
     */
    protected Object callService(String interfaceName, String method, Object... args) {
        ServiceReference<?>[] refs;
        try {
            refs = bundleContext.getAllServiceReferences(interfaceName, null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        assertTrue("No " + interfaceName + " service is registered", refs != null && refs.length > 0);
        Object service = bundleContext.getService(refs[0]);
        try {
            Class<?> api = service.getClass().getClassLoader().loadClass(interfaceName);
            for (java.lang.reflect.Method candidate : api.getMethods()) {
                if (candidate.getName().equals(method) && candidate.getParameterCount() == args.length) {
                    return candidate.invoke(service, args);
                }
            }
            throw new NoSuchMethodException(interfaceName + "." + method + " with " + args.length + " argument(s)");
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(interfaceName + "." + method + " failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        } finally {
            bundleContext.ungetService(refs[0]);
        }
    }

    protected boolean hasService(String interfaceName) {
        try {
            ServiceReference<?>[] refs = bundleContext.getAllServiceReferences(interfaceName, null);
            return refs != null && refs.length > 0;
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Runs an action and returns the bundle events ("symbolic-name EVENT") it caused for bundles whose symbolic name
     * does not start with the given prefix and that are installed before and after it. A refresh, restart or
     * reinstall of any other bundle shows up here.
     */
    protected List<String> recordBundleEventsOutside(String prefix, Runnable action) {
        return recordBundleEventsOutside(prefix, new ArrayList<>(), action);
    }

    /** As above, also collecting every event into {@code all}. */
    protected List<String> recordBundleEventsOutside(String prefix, List<String> all, Runnable action) {
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        Set<String> before = installedBundles();
        BundleListener listener = (SynchronousBundleListener) event -> events.add(
                event.getBundle().getSymbolicName() + " " + bundleEvent(event.getType()));
        bundleContext.addBundleListener(listener);
        try {
            action.run();
        } finally {
            bundleContext.removeBundleListener(listener);
        }
        // a neighbour's API bundle that the module's feature brings along and nothing else holds comes and goes
        // with the module (the inventory carries purchasing's): only bundles installed before and after count
        Set<String> after = installedBundles();
        synchronized (events) {
            all.addAll(events);
            return events.stream().filter(e -> !e.startsWith(prefix)).filter(e -> {
                String name = e.substring(0, e.indexOf(' '));
                return before.contains(name) && after.contains(name);
            }).toList();
        }
    }

    private Set<String> installedBundles() {
        return Arrays.stream(bundleContext.getBundles()).map(Bundle::getSymbolicName).collect(Collectors.toSet());
    }

    private static String bundleEvent(int type) {
        return switch (type) {
            case BundleEvent.INSTALLED -> "INSTALLED";
            case BundleEvent.RESOLVED -> "RESOLVED";
            case BundleEvent.STARTING -> "STARTING";
            case BundleEvent.STARTED -> "STARTED";
            case BundleEvent.STOPPING -> "STOPPING";
            case BundleEvent.STOPPED -> "STOPPED";
            case BundleEvent.UNRESOLVED -> "UNRESOLVED";
            case BundleEvent.UNINSTALLED -> "UNINSTALLED";
            case BundleEvent.UPDATED -> "UPDATED";
            case BundleEvent.LAZY_ACTIVATION -> "LAZY_ACTIVATION";
            default -> "type " + type;
        };
    }

    protected static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + name + " is not set: run the tests through Maven (failsafe)");
        }
        return value;
    }

    private static int freePortOrZero() {
        try {
            return freePort();
        } catch (IOException e) {
            return 0;
        }
    }

    protected static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The refusal of {@code call}, which must refuse (JUnit's assertThrows needs a class the probe lacks). */
    protected static TesseraException refused(Runnable call) {
        try {
            call.run();
        } catch (TesseraException e) {
            return e;
        }
        throw new AssertionError("accepted, but should have been refused");
    }
}
