package dev.tessera.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runners.MethodSorters;

/**
 * The distribution as an operator uses it: unpacked from the tar.gz, started and stopped with bin/tessera, driven
 * over bin/client. Proves the launcher, the exit status of refused commands and that the enabled modules survive a
 * restart. Runs one installation for the whole class; the tests build on each other in name order.
 */
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
public class LauncherIT {
    private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(120);

    private static final String GUEST = "guest";
    private static final String GUEST_PASSWORD = "guest-secret-2026";
    private static final String CLERK = "clerk";
    private static final String CLERK_PASSWORD = "clerk-secret-2026";

    private static Path home;
    private static int sshPort;
    private static final java.util.regex.Pattern KARAF_JMX_RESTART = java.util.regex.Pattern.compile(
            "\\| WARN  \\| [^|]+\\| (core|Activator) +\\| \\d+ - org\\.apache\\.(aries\\.jmx\\.core|karaf\\.management"
            + "\\.server) - [^|]+\\| (Task rejected for JMX Notification dispatch|java\\.rmi\\.server\\.hostname system"
            + " property is already set)");
    private static int rmiRegistryPort;
    private static int rmiServerPort;
    private static String password;

    @BeforeClass
    public static void unpack() throws Exception {
        Path tarGz = Path.of(TesseraTestSupport.requiredProperty("tessera.distribution"));
        Path work = Path.of(TesseraTestSupport.requiredProperty("tessera.itest.work"), "launcher");
        deleteTree(work);
        Files.createDirectories(work);
        Result untar = run(work, List.of("tar", "xzf", tarGz.toString()), null, Duration.ofMinutes(2));
        assertEquals(untar.output, 0, untar.exit);
        try (Stream<Path> children = Files.list(work)) {
            home = children.filter(Files::isDirectory).findFirst().orElseThrow();
        }
        sshPort = freePort();
        rmiRegistryPort = freePort();
        rmiServerPort = freePort();
        Installation.setProperty(home.resolve("etc/org.apache.karaf.shell.cfg"), "sshPort", Integer.toString(sshPort));
        Installation.setProperty(home.resolve("etc/org.apache.karaf.management.cfg"), "rmiRegistryPort", Integer.toString(rmiRegistryPort));
        Installation.setProperty(home.resolve("etc/org.apache.karaf.management.cfg"), "rmiServerPort", Integer.toString(rmiServerPort));
        // a console user without any Tessera role, a viewer, and a user whose password an older Tessera hashed
        Files.writeString(home.resolve("etc/users.properties"), GUEST + " = " + GUEST_PASSWORD + ",ssh\n"
                + CLERK + " = " + CLERK_PASSWORD + ",viewer,ssh\n"
                + "veteran = {CRYPT}" + sha256("veteran-secret-2024") + "{CRYPT},viewer,ssh\n",
                java.nio.file.StandardOpenOption.APPEND);
    }

    @AfterClass
    public static void stop() throws Exception {
        if (home != null && running()) {
            tessera("stop");
            awaitStopped();
        }
    }

    @Test
    public void a_theArchiveHoldsOneSetOfConfigurationFiles() throws Exception {
        try (Stream<Path> children = Files.list(home)) {
            List<String> top = children.map(p -> p.getFileName().toString()).sorted().toList();
            assertTrue("a second assembly/etc beside etc/: " + top, !top.contains("assembly"));
            assertTrue(top.toString(), top.containsAll(List.of("bin", "etc", "system")));
        }
    }

    @Test
    public void a_addUserCreatesAnAdministratorWithAGeneratedPasswordShownOnce() throws Exception {
        Result bad = tessera("add-user", "no spaces");
        assertEquals(bad.output, 2, bad.exit);
        assertTrue(bad.output, bad.output.contains("is not valid"));

        Result added = tessera("add-user", "operator");
        assertEquals(added.output, 0, added.exit);
        Matcher m = Pattern.compile("with password: (\\S+)").matcher(added.output);
        assertTrue(added.output, m.find());
        password = m.group(1);
        assertTrue("a long generated password", password.length() >= 16);

        Result twice = tessera("add-user", "operator");
        assertEquals(twice.output, 2, twice.exit);
        assertTrue(twice.output, twice.output.contains("already exists"));
    }

    @Test
    public void b_startsAndAnswersOnTheConsoleWithHealthyKernel() throws Exception {
        long start = System.nanoTime();
        Result started = tessera("start");
        assertEquals(started.output, 0, started.exit);
        Result health = awaitConsole("tessera:health");
        java.time.LocalDateTime answered = java.time.LocalDateTime.now();
        long bootMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(health.output, health.output.contains("Tessera is healthy"));
        assertEquals(0, tessera("status").exit);
        System.out.printf("MEASURE cold boot to healthy console: %d ms; RSS after boot: %d MiB%n", bootMillis, rssMiB());

        String users = awaitFile(home.resolve("etc/users.properties"), text -> !text.contains(GUEST_PASSWORD));
        assertTrue("the password is stored as a salted Argon2id hash: " + users,
                users.contains("operator = {CRYPT}argon2id$") && !users.contains(password));
        assertTrue("a plain password written by hand is hashed too", users.contains(GUEST + " = {CRYPT}argon2id$"));

        // a clean start says nothing alarming: no warning or error in the log (and no ORM to warn of empty metamodels).
        // Karaf's JMX server restarts once when its configuration reaches it after it started (a race inside Karaf's
        // boot, harmless: the second start is the one that stays); the two lines that restart logs are not Tessera's.
        List<String> alarming = Files.readAllLines(home.resolve("data/log/karaf.log")).stream()
                .filter(line -> line.contains(" WARN ") || line.contains(" ERROR ") || line.startsWith("WARNING:")
                        || line.startsWith("SEVERE:") || line.contains("[EL Warning]"))
                .filter(line -> !KARAF_JMX_RESTART.matcher(line).find())
                .filter(line -> !pollerLoginBeforeAnswer(line, answered))
                .toList();
        assertEquals("warnings of a clean start", List.of(), alarming);
    }

    @Test
    public void c_wrongPasswordIsRejected() throws Exception {
        Result denied = run(home, clientCommand("operator", "not-the-password"), "tessera:modules", Duration.ofSeconds(60));
        assertNotEquals(denied.output, 0, denied.exit);
    }

    @Test
    public void d_refusedCommandsSayWhyAndExitNonZero() throws Exception {
        Result repo = client("feature:repo-add " + new File(TesseraTestSupport.requiredProperty(TesseraTestSupport.TEST_FEATURES)).toURI());
        assertEquals(repo.output, 0, repo.exit);

        Result unknown = client("tessera:enable no-such-module");
        assertNotEquals(unknown.output, 0, unknown.exit);
        assertTrue(unknown.output, unknown.output.contains("Unknown module 'no-such-module'"));
        assertTrue(unknown.output, unknown.output.contains("[platform.unknown-module]"));

        Result enabled = client("tessera:enable itest-greeter");
        assertEquals(enabled.output, 0, enabled.exit);
        assertTrue(enabled.output, enabled.output.contains("Module itest-greeter 0.1.0.SNAPSHOT is active"));

        Result again = client("tessera:enable itest-greeter");
        assertNotEquals(again.output, 0, again.exit);
        assertTrue(again.output, again.output.contains("is already enabled"));

        Result missingArgument = client("tessera:disable");
        assertNotEquals(missingArgument.output, 0, missingArgument.exit);
    }

    @Test
    public void e_enabledModulesDataCursorsAndDeadLettersSurviveARestart() throws Exception {
        ok("tessera:enable itest-notes itest-listener");
        Result first = client("itest:note-add kept-across-restart");
        assertEquals(first.output, 0, first.exit);
        ok("itest:listener-fail --always");
        Result doomed = client("itest:note-add dead-lettered");
        assertEquals(doomed.output, 0, doomed.exit);
        String doomedId = doomed.output.replaceAll("(?s).*Note (\\d+).*", "$1");
        Result letters = awaitConsoleOutput("tessera:dead-letters", Pattern.compile("itest-listener\\.notes"));
        assertTrue(letters.output, letters.output.contains("notes.note.created"));
        String subscribersBefore = client("tessera:subscribers").output;

        Result stopped = tessera("stop");
        assertEquals(stopped.output, 0, stopped.exit);
        awaitStopped();
        assertNotEquals("status says stopped", 0, tessera("status").exit);

        long start = System.nanoTime();
        assertEquals(0, tessera("start").exit);
        Result health = awaitConsoleOutput("tessera:health", Pattern.compile("module itest-notes\\s*\\|\\s*UP"));
        long restartMillis = (System.nanoTime() - start) / 1_000_000;
        health = awaitConsoleOutput("tessera:health", Pattern.compile("1 dead letter\\(s\\)"));
        assertTrue("a dead letter makes health exit non-zero: " + health.output, health.exit != 0);
        Result modules = client("tessera:modules");
        assertTrue(modules.output, Pattern.compile("itest-greeter\\s*\\|[^\\n]*\\|\\s*active\\s*\\|").matcher(modules.output).find());
        assertTrue("notes are kept", client("itest:notes").output.contains("kept-across-restart"));
        Result lettersAfter = client("tessera:dead-letters");
        assertTrue("dead letters are kept: " + lettersAfter.output, lettersAfter.output.contains("itest-listener.notes"));
        String subscribersAfter = client("tessera:subscribers").output;
        assertEquals("the cursor is kept", position(subscribersBefore), position(subscribersAfter));
        Result audit = client("tessera:audit note " + doomedId);
        assertTrue(audit.output, audit.output.contains("notes.note.created"));
        Result migrations = client("tessera:migrations");
        assertTrue(migrations.output, migrations.output.contains("itest-notes") && migrations.output.contains("002-body-and-author"));
        System.out.printf("MEASURE warm restart until every module reports: %d ms%n", restartMillis);
    }

    /**
     * A console user without the admin role cannot read files, run scripts or programs, call Java from the console,
     * change bundles, components, features, logs or the realm; what only shapes a session stays open, and the
     * Tessera commands follow their roles.
     */
    @Test
    public void f_karafsDangerousCommandsNeedAdminAndEachRoleRunsItsOwn() throws Exception {
        List<String> dangerous = List.of("shell:cat etc/users.properties", "shell:cat etc/host.key",
                "shell:head /proc/self/environ", "shell:ls etc", "shell:grep -i crypt etc/users.properties",
                "scr:disable dev.tessera.platform.webhooks.internal.WebhookSender", "scr:list",
                "feature:repo-add http://127.0.0.1:9/evil.xml", "feature:list", "log:set OFF", "log:clear",
                "log:display", "config:list", "config:property-list --pid org.ops4j.datasource-tessera",
                "jaas:realm-manage --realm karaf", "jaas:user-add x y", "shell:source etc/shell.init.script",
                "ssh:sshd", "bundle:list", "bundle:stop 0", "system:property java.home", "service:list",
                "shell:exec id", "shell:java -version", "shell:info", "echo stolen > etc/evil.cfg",
                "($.context bundles)", "tessera:enable itest-greeter", "tessera:tokens");
        for (String command : dangerous) {
            Result refused = run(home, clientCommand(GUEST, GUEST_PASSWORD), command, Duration.ofSeconds(60));
            assertTrue("'" + command + "' must be refused to a console user without roles: " + refused.output,
                    refused.output.contains("Command not found") || refused.output.contains("Insufficient credentials"));
            assertTrue(command + ": " + refused.output, !refused.output.contains("{CRYPT}")
                    && !refused.output.contains("PRIVATE KEY") && !refused.output.contains("org.apache.felix.framework"));
        }
        assertTrue("no file was written", !Files.exists(home.resolve("etc/evil.cfg")));
        Result harmless = run(home, clientCommand(GUEST, GUEST_PASSWORD), "echo hello-console | grep hello",
                Duration.ofSeconds(60));
        assertEquals(harmless.output, 0, harmless.exit);
        assertTrue(harmless.output, harmless.output.replaceAll("\u001B\\[[0-9;]*m", "").contains("hello-console"));
        Result viewer = run(home, clientCommand(CLERK, CLERK_PASSWORD), "tessera:modules", Duration.ofSeconds(60));
        assertEquals(viewer.output, 0, viewer.exit);
        assertTrue(viewer.output, viewer.output.contains("erp-ledger"));
        Result notAdmin = run(home, clientCommand(CLERK, CLERK_PASSWORD), "tessera:enable itest-greeter",
                Duration.ofSeconds(60));
        assertNotEquals(notAdmin.output, 0, notAdmin.exit);
        Result admin = client("shell:cat etc/org.apache.karaf.shell.cfg");
        assertTrue("an admin still reads files: " + admin.output, admin.output.contains("sshPort"));
    }

    /** An old unsalted SHA-256 hash still lets its user in, and is replaced by Argon2id at that login. */
    @Test
    public void g_anOldPasswordHashLetsItsUserInOnceAndIsThenUpgraded() throws Exception {
        Result veteran = run(home, clientCommand("veteran", "veteran-secret-2024"), "tessera:modules", Duration.ofSeconds(60));
        assertEquals(veteran.output, 0, veteran.exit);
        String users = awaitFile(home.resolve("etc/users.properties"), text -> text.contains("veteran = {CRYPT}argon2id$"));
        assertTrue(users, !users.contains(sha256("veteran-secret-2024")) && users.contains("{CRYPT},viewer,ssh"));
        Result again = run(home, clientCommand("veteran", "veteran-secret-2024"), "tessera:modules", Duration.ofSeconds(60));
        assertEquals("the new hash works: " + again.output, 0, again.exit);
    }

    /** Repeated wrong passwords lock the user out for a while, even with the right one, and each failure is logged. */
    @Test
    public void h_wrongPasswordsOverSshLockTheUserOutAndAreLogged() throws Exception {
        // a login refused while locked is not counted, so how many of the tries count depends on how fast bin/client
        // starts: try until 8 failures in a row are logged, which locks for 8 s, far longer than one more try takes
        Path karafLog = home.resolve("data/log/karaf.log");
        for (int i = 0; i < 40 && !Files.readString(karafLog).contains("Login failed for user clerk from ssh 127.0.0.1"
                + " (8 in a row)"); i++) {
            Result wrong = run(home, clientCommand(CLERK, "not-it-" + i), "tessera:modules", Duration.ofSeconds(60));
            assertNotEquals(wrong.output, 0, wrong.exit);
        }
        Result right = run(home, clientCommand(CLERK, CLERK_PASSWORD), "tessera:modules", Duration.ofSeconds(60));
        assertNotEquals("locked out for a while, even with the right password: " + right.output, 0, right.exit);
        String log = Files.readString(home.resolve("data/log/karaf.log"));
        assertTrue("failed SSH logins are logged with the user and address",
                log.contains("Login failed for user clerk from ssh 127.0.0.1"));
        assertTrue(log.contains("Login refused for user clerk from ssh"));
    }

    /**
     * The scripts take the JDK from the PATH when JAVA_HOME is not set, as README promises, and say nothing of it;
     * the console's prompt names the user and Tessera, not Karaf's root instance.
     */
    @Test
    public void j_theScriptsFindTheJdkOnThePathWithoutAWarningAndThePromptIsTesserasWithTheUser() throws Exception {
        // an interactive console (no -b), so that it shows its prompt
        List<String> interactive = clientCommand(GUEST, GUEST_PASSWORD).stream().filter(a -> !a.equals("-b")).toList();
        ProcessBuilder builder = new ProcessBuilder(interactive).directory(home.toFile()).redirectErrorStream(true);
        builder.environment().remove("JAVA_HOME");
        builder.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":/usr/bin:/bin");
        Process process = builder.start();
        try (var in = process.getOutputStream()) {
            in.write("echo found-the-jdk\n".getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue("bin/client did not finish", process.waitFor(60, TimeUnit.SECONDS));
        assertTrue(output, output.contains("found-the-jdk"));
        assertTrue(output, !output.contains("JAVA_HOME not set"));
        assertTrue("the prompt is Tessera's, with the user: " + output, output.contains(GUEST + "@tessera>")
                && !output.contains("karaf@root"));
    }

    /** Over JMX a viewer reads the uptime but not the JVM's arguments or any configuration; an admin reads them. */
    @Test
    public void i_jmxKeepsConfigurationAndJvmArgumentsForAdmins() throws Exception {
        javax.management.ObjectName runtime = new javax.management.ObjectName("java.lang:type=Runtime");
        javax.management.ObjectName config = new javax.management.ObjectName("org.apache.karaf:type=config,name=root");
        try (javax.management.remote.JMXConnector jmx = jmx("veteran", "veteran-secret-2024")) {
            javax.management.MBeanServerConnection server = jmx.getMBeanServerConnection();
            assertTrue(((Long) server.getAttribute(runtime, "Uptime")) > 0);
            for (String attribute : List.of("InputArguments", "SystemProperties", "ClassPath")) {
                try {
                    server.getAttribute(runtime, attribute);
                    fail("a viewer must not read Runtime." + attribute + " over JMX");
                } catch (SecurityException expected) {
                    // refused
                }
            }
            try {
                server.invoke(config, "listProperties", new Object[] {"org.ops4j.datasource-tessera"},
                        new String[] {String.class.getName()});
                fail("a viewer must not read configuration over JMX");
            } catch (SecurityException expected) {
                // refused
            }
        }
        try (javax.management.remote.JMXConnector jmx = jmx("operator", password)) {
            assertNotNull(jmx.getMBeanServerConnection().getAttribute(runtime, "InputArguments"));
        }
    }

    private static javax.management.remote.JMXConnector jmx(String user, String pass) throws IOException {
        javax.management.remote.JMXServiceURL url = new javax.management.remote.JMXServiceURL("service:jmx:rmi://127.0.0.1:"
                + rmiServerPort + "/jndi/rmi://127.0.0.1:" + rmiRegistryPort + "/karaf-root");
        return javax.management.remote.JMXConnectorFactory.connect(url,
                java.util.Map.of(javax.management.remote.JMXConnector.CREDENTIALS, new String[] {user, pass}));
    }

    private static String sha256(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Waits up to 30 s until the file's text passes the check; returns it. */
    private static String awaitFile(Path file, java.util.function.Predicate<String> ready) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        String text = Files.readString(file);
        while (!ready.test(text) && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(200);
            text = Files.readString(file);
        }
        return text;
    }

    // ------------------------------------------------------------------ helpers

    private static Result ok(String command) throws Exception {
        Result result = client(command);
        assertEquals("'" + command + "' printed: " + result.output, 0, result.exit);
        return result;
    }

    /** The position column of the listener's row in tessera:subscribers. */
    private static String position(String subscribers) {
        Matcher m = Pattern.compile("itest-listener\\.notes\\s*\\|\\s*\\w+\\s*\\|\\s*(\\d+)").matcher(subscribers);
        assertTrue(subscribers, m.find());
        return m.group(1);
    }

    /** Repeats a command until its output shows the expected text (whatever its exit status). */
    private static Result awaitConsoleOutput(String command, Pattern expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Result last = null;
        while (System.nanoTime() < deadline) {
            last = client(command);
            if (expected.matcher(last.output).find()) {
                return last;
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        fail("'" + command + "' did not show '" + expected + "' within 60 s: " + last);
        return last;
    }

    private record Result(int exit, String output) {
    }

    private static Result tessera(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin/tessera").toString());
        command.addAll(List.of(args));
        return run(home, command, null, Duration.ofSeconds(60));
    }

    private static List<String> clientCommand(String user, String pass) {
        return List.of(home.resolve("bin/client").toString(), "-a", Integer.toString(sshPort), "-u", user, "-p", pass, "-b");
    }

    /** bin/client reads the commands from its standard input; it must be open, so they are written there. */
    private static Result client(String command) throws Exception {
        return run(home, clientCommand("operator", password), command, Duration.ofSeconds(90));
    }

    /**
     * A failed login of this test's own poller before the console first answered: while Karaf hashes the new user's
     * plain password in etc/users.properties at boot, SSH already takes logins, and one may fail (noted as left in the
     * closing note). Any other warning, and any failed login after the console answered, still counts.
     */
    private static boolean pollerLoginBeforeAnswer(String line, java.time.LocalDateTime answered) {
        if (!line.contains("ThrottleLoginModule") || !line.contains("Login failed for user operator from ssh")) {
            return false;
        }
        try {
            java.time.LocalDateTime at = java.time.LocalDateTime.parse(line.substring(0, 23).replace(',', '.'));
            return !at.isAfter(answered);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Result awaitConsole(String command) throws Exception {
        long deadline = System.nanoTime() + BOOT_TIMEOUT.toNanos();
        Result last = null;
        while (System.nanoTime() < deadline) {
            last = client(command);
            if (last.exit == 0) {
                return last;
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        fail("The console did not answer '" + command + "' within " + BOOT_TIMEOUT.toSeconds() + " s: " + last);
        return last;
    }

    private static void awaitStopped() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (running()) {
            if (System.nanoTime() > deadline) {
                fail("Tessera did not stop within 60 s");
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    private static boolean running() throws IOException {
        Path pidFile = home.resolve("karaf.pid");
        if (!Files.exists(pidFile)) {
            return false;
        }
        String pid = Files.readString(pidFile).trim();
        return !pid.isEmpty() && ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
    }

    private static long rssMiB() throws IOException {
        String pid = Files.readString(home.resolve("karaf.pid")).trim();
        for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    private static Result run(Path dir, List<String> command, String stdin, Duration timeout) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        try (var in = process.getOutputStream()) {
            if (stdin != null) {
                in.write((stdin + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("'" + String.join(" ", command) + "' did not finish within " + timeout.toSeconds() + " s");
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(p);
            }
        }
    }
}
