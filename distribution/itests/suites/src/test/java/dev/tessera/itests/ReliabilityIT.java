package dev.tessera.itests;

import static org.junit.Assert.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.After;
import org.junit.Test;

/**
 * Requests sent with an Idempotency-Key happen exactly once through what really happens to a server and its
 * clients: clients that hang up before the answer, a graceful restart and a SIGKILL, each while clients post journal
 * entries, reservations and invoice chains. Every acknowledged request replays its first answer after the restarts,
 * every interrupted one runs at most once when its client retries it, and webhook delivery resumes after each
 * restart until every event has reached the receiver. The long version with 20 kills, on Derby and PostgreSQL, is
 * the crash suite (README, "Crash suite").
 */
public class ReliabilityIT {
    private Installation tessera;

    @After
    public void stop() throws Exception {
        if (tessera != null && tessera.running()) {
            tessera.stop();
        }
    }

    @Test
    public void keyedRequestsHappenExactlyOnceThroughHangUpsARestartAndAKillAndWebhooksCatchUp() throws Exception {
        tessera = Installation.unpack("reliability");
        tessera.configure("dev.tessera.platform.webhooks.cfg", "retryInitialMillis", "200");
        tessera.configure("dev.tessera.platform.webhooks.cfg", "allowPrivateTargets", "127.0.0.1");
        tessera.configure("dev.tessera.platform.webhooks.cfg", "pollMillis", "200");
        try (Receiver receiver = new Receiver(Receiver.freePort(), n -> 200)) {
            CrashRun run = new CrashRun(tessera, receiver, 4, 17);
            run.prepare();
            CrashRun.Summary summary = run.run(List.of(CrashRun.Interruption.CLIENT_HANG_UP,
                    CrashRun.Interruption.GRACEFUL_RESTART, CrashRun.Interruption.KILL), Duration.ofSeconds(4));
            String table = summary.table("Reliability on Derby: hang-ups, a graceful restart, a kill");
            System.out.println(table);
            assertTrue(table, summary.clean());
            assertTrue("the run interrupted requests, or it proved nothing: " + table, summary.interrupted() >= 5);
            assertTrue(table, summary.acknowledged() > 20 && summary.found() == summary.acknowledged());
            assertTrue("webhook deliveries went out: " + receiver.accepted(), receiver.accepted() > 20);
        }
    }
}
