package dev.tessera.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.apache.karaf.features.FeaturesService;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * Webhooks against real receivers on 127.0.0.1: signed deliveries, retries that end in exactly one accepted
 * delivery, pausing with a visible reason, resuming without loss, replay, and refusals that write nothing.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class WebhooksIT extends RestTestSupport {
    private static final String SECRET = "itest-webhook-secret-0123456789";
    private static final String CONFIG = "etc/dev.tessera.platform.webhooks.cfg";

    @Inject
    private FeaturesService features;

    /** Quick retries and an early pause, so that the tests see them within seconds. */
    @Override
    @Configuration
    public Option[] config() throws IOException {
        List<Option> options = withUsers(super.config());
        options.add(editConfigurationFilePut(CONFIG, "retryInitialMillis", "200"));
        options.add(editConfigurationFilePut(CONFIG, "retryMaxMillis", "400"));
        options.add(editConfigurationFilePut(CONFIG, "pauseAfterFailures", "3"));
        options.add(editConfigurationFilePut(CONFIG, "pollMillis", "100"));
        options.add(editConfigurationFilePut(CONFIG, "requestTimeoutSeconds", "3"));
        // the test receivers listen on this machine: allowed by name, as an administrator would for a local bridge
        options.add(editConfigurationFilePut(CONFIG, "allowPrivateTargets", "127.0.0.1"));
        return options.toArray(new Option[0]);
    }

    @Before
    public void notesModuleEnabled() throws Exception {
        addTestModules(features);
        send(post("/platform/modules/itest-notes/enable", ADMIN)); // 409 when an earlier test enabled it: fine
        awaitStatus(get("/notes", ADMIN), 200);
    }

    @Test
    public void aReceiverThatFailsTwiceThenAcceptsGetsTheEventOnceAcceptedAndSigned() throws Exception {
        try (Receiver receiver = new Receiver(0, n -> n <= 2 ? 500 : 200)) {
            long webhook = subscribe(receiver.url(), "notes.note.*");
            createNote("delivered after two failures");

            await("the receiver accepts a delivery", Duration.ofSeconds(30), () -> receiver.accepted() == 1);
            List<Receiver.Request> requests = receiver.requests();
            assertEquals("two failures and the accepted attempt", 3, requests.size());
            for (Receiver.Request request : requests) {
                assertTrue("signed with the webhook's secret: " + request.headers(), request.signedWith(SECRET));
                assertEquals("notes.note.created", request.header("X-Tessera-Event"));
                assertEquals(requests.get(0).header("X-Tessera-Event-Id"), request.header("X-Tessera-Event-Id"));
                assertEquals(requests.get(0).body(), request.body());
            }
            assertTrue(requests.get(0).body(), requests.get(0).body().contains("\"text\":\"delivered after two failures\""));

            HttpResponse<String> deliveries = send(get("/webhooks/" + webhook + "/deliveries", VIEWER));
            assertEquals(deliveries.body(), 200, deliveries.statusCode());
            assertTrue(deliveries.body(), deliveries.body().contains("\"state\":\"DELIVERED\"")
                    && deliveries.body().contains("\"attempts\":3"));
            long delivery = firstId(deliveries.body());
            HttpResponse<String> detail = send(get("/webhooks/" + webhook + "/deliveries/" + delivery, VIEWER));
            assertTrue(detail.body(), detail.body().matches("(?s).*\"attempts\":\\[\\{[^]]*\"status\":500.*\"status\":500.*\"status\":200.*"));

            // the webhook's next event comes right after: had the first been sent again, it would come before it
            createNote("the next one");
            await("the next event arrives", Duration.ofSeconds(30), () -> receiver.accepted() == 2);
            assertEquals("nothing is sent again once accepted", 4, receiver.requests().size());
            assertTrue(receiver.requests().get(3).body().contains("the next one"));

            HttpResponse<String> replay = send(post("/webhooks/" + webhook + "/deliveries/" + delivery + "/replay", ADMIN));
            assertEquals(replay.body(), 200, replay.statusCode());
            await("the replayed delivery arrives", Duration.ofSeconds(30), () -> receiver.accepted() == 3);
            assertEquals(requests.get(0).header("X-Tessera-Event-Id"), receiver.requests().get(4).header("X-Tessera-Event-Id"));
            unsubscribe(webhook);
        }
    }

    /**
     * Webhooks cannot reach Tessera's own ports or the inner network: loopback, link-local (cloud metadata), private
     * and unique-local targets not on the allow-list are refused, and a receiver that is no HTTP server does not get
     * its banner shown to the admin.
     */
    @Test
    public void webhooksToInnerAddressesAreRefusedAndANonHttpPeersBytesAreNeverShown() throws Exception {
        long before = rows("TSR_WEBHOOK");
        for (String url : List.of("http://127.0.0.2:8101/", "http://localhost.localdomain.invalid/x", "http://10.1.2.3/x",
                "http://169.254.169.254/latest/meta-data/", "http://[::1]:8101/", "http://192.168.1.10:8181/api/v1",
                "http://[fd00::1]/x", "http://0.0.0.0:8101/")) {
            HttpResponse<String> refused = send(postJson("/webhooks", ADMIN, "{\"url\":\"" + url + "\",\"events\":[\"*\"]}"));
            assertEquals(url + " -> " + refused.body(), 400, refused.statusCode());
            assertTrue(url + " -> " + refused.body(), refused.body().contains("\"field\":\"url\"")
                    && refused.body().contains("may not be called"));
        }
        assertEquals("nothing written", before, rows("TSR_WEBHOOK"));

        try (java.net.ServerSocket banner = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread talker = new Thread(() -> {
                while (!banner.isClosed()) {
                    try (java.net.Socket client = banner.accept()) {
                        client.getOutputStream().write("SSH-2.0-SECRET_BANNER_7\r\n".getBytes(StandardCharsets.US_ASCII));
                        client.getOutputStream().flush();
                        client.setSoTimeout(5_000);
                        client.getInputStream().read(); // until Tessera gives up on the peer and closes
                    } catch (Exception closed) {
                        // next one
                    }
                }
            });
            talker.setDaemon(true);
            talker.start();
            long webhook = subscribe("http://127.0.0.1:" + banner.getLocalPort() + "/hooks", "notes.*");
            createNote("sent to something that is not HTTP");
            HttpResponse<String> failing = awaitBody(get("/webhooks/" + webhook, VIEWER), "\"lastError\":\"Unreachable");
            assertTrue(failing.body(), failing.body().contains("did not answer with HTTP")
                    && !failing.body().contains("SECRET_BANNER"));
            unsubscribe(webhook);
        }
    }

    @Test
    public void aReceiverDownForTheWholeWindowPausesTheWebhookVisiblyAndResumingLosesNothing() throws Exception {
        int port = Receiver.freePort();
        long webhook = subscribe("http://127.0.0.1:" + port + "/hooks/tessera", "notes.*");
        createNote("waits while the receiver is down");
        createNote("and the one after it");

        HttpResponse<String> paused = awaitBody(get("/webhooks/" + webhook, VIEWER), "\"state\":\"PAUSED\"");
        assertTrue(paused.body(), paused.body().contains("Unreachable") && paused.body().contains("/resume")
                && paused.body().contains("\"consecutiveFailures\":3"));
        HttpResponse<String> pending = send(get("/webhooks/" + webhook + "/deliveries?state=pending", VIEWER));
        assertEquals(pending.body(), 2, count(pending.body(), "\"state\":\"PENDING\""));

        try (Receiver receiver = new Receiver(port, n -> 204)) {
            HttpResponse<String> resumed = send(post("/webhooks/" + webhook + "/resume", ADMIN));
            assertTrue(resumed.body(), resumed.body().contains("\"state\":\"ACTIVE\""));
            await("both queued events arrive", Duration.ofSeconds(30), () -> receiver.accepted() == 2);
            assertTrue("in the order they happened", receiver.requests().get(0).body().contains("waits while")
                    && receiver.requests().get(1).body().contains("the one after"));
        }
        unsubscribe(webhook);
    }

    @Test
    public void aReceiverAnswering401IsReportedAsAPermissionProblem() throws Exception {
        try (Receiver receiver = new Receiver(0, n -> 401)) {
            long webhook = subscribe(receiver.url(), "notes.*");
            createNote("refused by the receiver");
            HttpResponse<String> paused = awaitBody(get("/webhooks/" + webhook, VIEWER), "\"state\":\"PAUSED\"");
            assertTrue(paused.body(), paused.body().contains("Permission problem")
                    && paused.body().contains("HTTP 401") && paused.body().contains("secret"));
            String listed = executeCommand("tessera:webhooks");
            assertTrue(listed, listed.contains(receiver.url()) && listed.contains("paused")
                    && listed.contains("Permission problem"));
            String unknown = executeFailingCommand("tessera:webhook-resume 987654");
            assertTrue(unknown, unknown.contains("[webhooks.not-found]"));
            // the receiver still refuses, so the webhook soon pauses again: the command's answer is what is checked
            String resumed = executeCommand("tessera:webhook-resume " + webhook);
            assertTrue(resumed, resumed.contains("Webhook " + webhook + " is active again"));
            unsubscribe(webhook);
        }
    }

    @Test
    public void badSubscriptionsAreRefusedFieldByFieldAndWriteNothing() throws Exception {
        long before = rows("TSR_WEBHOOK");
        String[][] bodies = {
            {"{\"url\":\"ftp://example.com\",\"events\":[\"notes.*\"]}", "platform.validation-failed", "url"},
            {"{\"url\":\"http://127.0.0.1:9/x\",\"events\":[]}", "platform.validation-failed", "events"},
            {"{\"url\":\"http://127.0.0.1:9/x\",\"events\":[\"notes.*.created\"]}", "platform.validation-failed", "events[0]"},
            {"{\"url\":\"http://127.0.0.1:9/x\",\"events\":[\"*\"],\"secret\":\"short\"}", "platform.validation-failed", "secret"},
            {"{\"url\":\"http://127.0.0.1:9/x\",\"events\":[\"*\"],\"state\":\"ACTIVE\"}", "platform.unknown-field", "state"},
            {"{\"url\":\"http://127.0.0.1:9/x\",\"events\":\"*\"}", "platform.invalid-json", "events"},
            {"{\"url\":12,\"events\":[\"*\"]}", "platform.invalid-json", "url"},
            {"{\"url\":\"http://127.0.0.1:9/x\",", "platform.invalid-json", null},
            {"{\"url\":\"'; DROP TABLE TSR_WEBHOOK; --\",\"events\":[\"<script>alert(1)</script>\"]}", "platform.validation-failed", "url"},
        };
        for (String[] b : bodies) {
            HttpResponse<String> refused = send(postJson("/webhooks", ADMIN, b[0]));
            assertEquals(b[0] + " -> " + refused.body(), 400, refused.statusCode());
            assertProblem(refused, b[1]);
            if (b[2] != null) {
                assertTrue(b[0] + " -> " + refused.body(), refused.body().contains("\"field\":\"" + b[2] + "\""));
            }
        }
        assertEquals("nothing written", before, rows("TSR_WEBHOOK"));
        assertEquals(404, send(get("/webhooks/999999", VIEWER)).statusCode());
        assertEquals(400, send(get("/webhooks/abc", VIEWER)).statusCode());
        assertEquals(403, send(postJson("/webhooks", VIEWER, "{\"url\":\"http://127.0.0.1:9/x\",\"events\":[\"*\"]}")).statusCode());
    }

    @Test
    public void theSecretIsShownOnlyOnceAndAWebhookCanBeListedAndDeleted() throws Exception {
        HttpResponse<String> created = send(postJson("/webhooks", ADMIN, "{\"url\":\"http://127.0.0.1:9/x\",\"events\":[\"*\"]}"));
        assertEquals(created.body(), 201, created.statusCode());
        Matcher secret = Pattern.compile("\"secret\":\"(whsec_[^\"]+)\"").matcher(created.body());
        assertTrue("a secret is generated when none is given: " + created.body(), secret.find());
        long id = firstId(created.body());
        HttpResponse<String> listed = send(get("/webhooks?limit=1000", VIEWER));
        assertTrue(listed.body(), listed.body().contains("\"id\":" + id) && !listed.body().contains(secret.group(1))
                && !listed.body().contains("\"secret\""));
        assertEquals(204, send(delete("/webhooks/" + id, ADMIN)).statusCode());
        assertEquals(404, send(get("/webhooks/" + id, VIEWER)).statusCode());
        assertEquals(404, send(delete("/webhooks/" + id, ADMIN)).statusCode());
    }

    /**
     * Every write endpoint against hostile bodies and path values: each answers 4xx problem+json, none answers 5xx,
     * and no table that a write would touch changes.
     */
    @Test
    public void hostileInputOnEveryWriteEndpointIsRefusedAndWritesNothing() throws Exception {
        long webhook = subscribe("http://127.0.0.1:9/hooks", "notes.*");
        String[] endpoints = {
            "/notes", "/webhooks", "/webhooks/" + webhook + "/resume", "/webhooks/" + webhook + "/deliveries/1/replay",
            "/platform/modules/itest-notes/disable", "/platform/dead-letters/1/replay",
        };
        String deep = "[".repeat(200_000) + "]".repeat(200_000);
        String[] bodies = {
            "{\"text\":", "not json at all", "{\"text\":\"a\"} trailing", "[1,2,3]", "{\"text\":[\"a\"]}",
            "{\"text\":true}", "{\"text\":123456789012345678901234567890}", "{\"text\":1e999999999}",
            "{\"text\":\"x\",\"id\":1}", "{\"url\":\"http://127.0.0.1:9/x\",\"events\":[\"*\"],\"createdBy\":\"root\"}",
            "{\"text\":\"" + "y".repeat(201) + "\"}", "{\"text\":\"'); DELETE FROM ITN_NOTE; --\", \"x\":1}",
            deep,
        };
        String[] tables = {"ITN_NOTE", "TSR_WEBHOOK", "TSR_WEBHOOK_DELIVERY", "TSR_EVENT"};
        long[] before = new long[tables.length];
        for (int i = 0; i < tables.length; i++) {
            before[i] = rows(tables[i]);
        }
        for (String endpoint : endpoints) {
            for (String body : bodies) {
                HttpResponse<String> response = send(postJson(endpoint.startsWith("/platform/modules")
                        ? "/platform/modules/itest-notes/disable" : endpoint, VIEWER, body));
                // the viewer may not write: refused before the body is read
                assertEquals(endpoint + " as viewer", 403, response.statusCode());
            }
        }
        for (String body : bodies) {
            for (String endpoint : new String[] {"/notes", "/webhooks"}) {
                HttpResponse<String> response = send(postJson(endpoint, ADMIN, body));
                String what = endpoint + " <- " + (body.length() > 80 ? body.substring(0, 80) + "..." : body);
                assertTrue(what + " gave " + response.statusCode() + " " + response.body(),
                        response.statusCode() >= 400 && response.statusCode() < 500);
                assertTrue(what + ": " + response.headers().firstValue("Content-Type"),
                        response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
                assertTrue(what + " leaks internals: " + response.body(), !response.body().contains("dev.tessera")
                        && !response.body().contains("Exception") && !response.body().contains("\tat "));
            }
        }
        String[] hostileIds = {"1%20OR%201=1", "%27%3B%20DROP%20TABLE%20TSR_WEBHOOK%3B--", "%3Cscript%3E", "-1",
            "99999999999999999999999"};
        for (String id : hostileIds) {
            for (String path : new String[] {"/webhooks/" + id + "/resume", "/webhooks/" + webhook + "/deliveries/" + id
                    + "/replay", "/platform/modules/" + id + "/enable", "/platform/dead-letters/" + id + "/replay"}) {
                HttpResponse<String> response = send(post(path, ADMIN));
                assertTrue(path + " gave " + response.statusCode() + " " + response.body(),
                        response.statusCode() >= 400 && response.statusCode() < 500);
            }
            HttpResponse<String> deleted = send(delete("/webhooks/" + id, ADMIN));
            assertTrue(id + " gave " + deleted.statusCode(), deleted.statusCode() >= 400 && deleted.statusCode() < 500);
        }
        for (int i = 0; i < tables.length; i++) {
            assertEquals(tables[i] + " unchanged", before[i], rows(tables[i]));
        }
        unsubscribe(webhook);
    }

    // ------------------------------------------------------------------ helpers

    private long subscribe(String url, String events) throws Exception {
        HttpResponse<String> created = send(postJson("/webhooks", ADMIN, "{\"url\":\"" + url + "\",\"events\":[\""
                + events + "\"],\"secret\":\"" + SECRET + "\",\"description\":\"itest\"}"));
        assertEquals(created.body(), 201, created.statusCode());
        assertTrue(created.body(), created.body().contains("\"secret\":\"" + SECRET + "\""));
        return firstId(created.body());
    }

    private void unsubscribe(long webhook) throws Exception {
        assertEquals(204, send(delete("/webhooks/" + webhook, ADMIN)).statusCode());
    }

    private void createNote(String text) throws Exception {
        HttpResponse<String> created = send(postJson("/notes", ADMIN, "{\"text\":\"" + text + "\"}"));
        assertEquals(created.body(), 201, created.statusCode());
    }

    private long rows(String table) throws Exception {
        try (Connection c = service(DataSource.class).getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static long firstId(String json) {
        Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(json);
        assertTrue(json, id.find());
        return Long.parseLong(id.group(1));
    }

    private static int count(String text, String what) {
        return text.split(Pattern.quote(what), -1).length - 1;
    }
}
