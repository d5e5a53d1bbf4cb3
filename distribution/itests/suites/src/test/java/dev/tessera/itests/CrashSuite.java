package dev.tessera.itests;

import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.After;
import org.junit.Test;

/**
 * The crash suite, on demand ({@code mvn -B -Pcrash verify}; README, "Crash suite"): clients post keyed journal
 * entries, reservations and invoice chains under load while Tessera is killed with SIGKILL at {@code crash.points}
 * random moments, restarted gracefully and left by clients that hang up; on Derby and on PostgreSQL. Prints a table
 * per database (also written to target/crash) and fails on any loss, duplicate, stall or broken book.
 */
public class CrashSuite {
    private Installation tessera;

    @After
    public void stop() throws Exception {
        if (tessera != null && tessera.running()) {
            tessera.stop();
        }
    }

    @Test
    public void derby() throws Exception {
        if (databases().contains("derby")) {
            crash("derby", null);
        }
    }

    @Test
    public void postgresql() throws Exception {
        if (databases().contains("postgresql")) {
            crash("postgresql", PostgresServer.database("crash"));
        }
    }

    private void crash(String database, String postgresUrl) throws Exception {
        int points = Integer.getInteger("crash.points", 20);
        tessera = Installation.unpack("crash-" + database);
        if (postgresUrl != null) {
            tessera.usePostgres(postgresUrl, "postgres", "postgres");
        }
        tessera.configure("dev.tessera.platform.webhooks.cfg", "retryInitialMillis", "500");
        tessera.configure("dev.tessera.platform.webhooks.cfg", "allowPrivateTargets", "127.0.0.1");
        tessera.configure("dev.tessera.platform.webhooks.cfg", "pollMillis", "250");
        try (Receiver receiver = new Receiver(Receiver.freePort(), n -> 200)) {
            CrashRun run = new CrashRun(tessera, receiver, Integer.getInteger("crash.clients", 8),
                    Long.getLong("crash.seed", System.nanoTime()));
            run.prepare();
            CrashRun.Summary summary = run.run(plan(points), Duration.ofSeconds(Integer.getInteger("crash.loadSeconds", 6)));
            String table = summary.table("Crash suite on " + database + ": " + points + " kills under load");
            System.out.println(table);
            Path out = Path.of(System.getProperty("crash.out", "target/crash"));
            Files.createDirectories(out);
            Files.writeString(out.resolve(database + ".txt"), table);
            assertTrue(table, summary.clean());
        }
    }

    /** The kills, with a graceful restart after every fifth and clients hanging up after every seventh. */
    private static List<CrashRun.Interruption> plan(int kills) {
        List<CrashRun.Interruption> plan = new ArrayList<>();
        for (int i = 1; i <= kills; i++) {
            plan.add(CrashRun.Interruption.KILL);
            if (i % 5 == 0) {
                plan.add(CrashRun.Interruption.GRACEFUL_RESTART);
            }
            if (i % 7 == 0) {
                plan.add(CrashRun.Interruption.CLIENT_HANG_UP);
            }
        }
        return plan;
    }

    private static String databases() {
        return System.getProperty("crash.databases", "derby,postgresql");
    }
}
