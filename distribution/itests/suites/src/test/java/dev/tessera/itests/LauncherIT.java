package dev.tessera.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
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

    private static Path home;
    private static int sshPort;
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
        setProperty(home.resolve("etc/org.apache.karaf.shell.cfg"), "sshPort", Integer.toString(sshPort));
        setProperty(home.resolve("etc/org.apache.karaf.management.cfg"), "rmiRegistryPort", Integer.toString(freePort()));
        setProperty(home.resolve("etc/org.apache.karaf.management.cfg"), "rmiServerPort", Integer.toString(freePort()));
    }

    @AfterClass
    public static void stop() throws Exception {
        if (home != null && running()) {
            tessera("stop");
            awaitStopped();
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
        long bootMillis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(health.output, health.output.contains("Tessera is healthy"));
        assertEquals(0, tessera("status").exit);
        System.out.printf("MEASURE cold boot to healthy console: %d ms; RSS after boot: %d MiB%n", bootMillis, rssMiB());

        String users = Files.readString(home.resolve("etc/users.properties"));
        assertTrue("the password is stored hashed", users.contains("operator = {CRYPT}") && !users.contains(password));
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

    private static void setProperty(Path file, String key, String value) throws IOException {
        List<String> lines = Files.exists(file) ? Files.readAllLines(file) : new ArrayList<>();
        List<String> result = new ArrayList<>();
        boolean found = false;
        for (String line : lines) {
            if (line.matches("\\s*" + Pattern.quote(key) + "\\s*=.*")) {
                result.add(key + " = " + value);
                found = true;
            } else {
                result.add(line);
            }
        }
        if (!found) {
            result.add(key + " = " + value);
        }
        Files.write(file, result);
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
