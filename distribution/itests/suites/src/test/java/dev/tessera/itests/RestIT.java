package dev.tessera.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import dev.tessera.platform.api.event.EventLog;

/** The REST API as a client sees it: JSON, problem+json errors with codes, 401 without and 403 with the wrong role. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class RestIT extends RestTestSupport {
    @Inject
    private FeaturesService features;

    @Inject
    private EventLog events;

    @Override
    @Configuration
    public Option[] config() throws IOException {
        List<Option> options = withUsers(super.config());
        options.add(org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut(
                "etc/users.properties", "itest-locked", "itest-secret,viewer"));
        options.add(org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut(
                "etc/users.properties", "itest-temp", "itest-secret,viewer"));
        options.add(org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut(
                "etc/dev.tessera.platform.tokens.cfg", "rolesCacheSeconds", "1"));
        return options.toArray(new Option[0]);
    }

    /** Wrong passwords over REST lock the user out for a while (429 with Retry-After), and every failure is logged. */
    @Test
    public void repeatedWrongPasswordsLockTheUserOutWithRetryAfter() throws Exception {
        await(get("/platform/modules", VIEWER));
        for (int i = 0; i < 8; i++) {
            HttpResponse<String> wrong = send(get("/platform/modules", basic("itest-locked", "wrong-" + i)));
            assertTrue(wrong.body(), wrong.statusCode() == 401 || wrong.statusCode() == 429);
        }
        HttpResponse<String> locked = send(get("/platform/modules", basic("itest-locked", "itest-secret")));
        assertEquals("even the right password waits: " + locked.body(), 429, locked.statusCode());
        assertProblem(locked, "platform.login-locked");
        assertTrue(locked.headers().firstValue("Retry-After").isPresent());
        assertEquals("other users are not affected", 200, send(get("/platform/modules", VIEWER)).statusCode());
        String log = new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of(System.getProperty("karaf.data"),
                "log", "karaf.log")), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue("each failure is logged with where it came from", log.contains("Login failed for user itest-locked from http"));
    }

    /**
     * A token acts with its user's roles as they are now, and dies with its user; without --expires it still
     * expires (after 90 days), and one that never does is made only when asked for.
     */
    @Test
    public void aTokenFollowsItsUsersRolesAndDiesWithItsUser() throws Exception {
        java.nio.file.Path users = java.nio.file.Path.of(System.getProperty("karaf.etc"), "users.properties");
        String created = executeCommand("tessera:token-create itest-temp");
        java.util.regex.Matcher secret = java.util.regex.Pattern.compile("Secret \\(shown only now\\): (\\S+)").matcher(created);
        assertTrue(created, secret.find() && created.contains("expires ") && !created.contains("never"));
        String bearer = "Bearer " + secret.group(1);
        assertEquals(200, await(get("/platform/modules", bearer)).statusCode());
        assertEquals(403, send(post("/platform/modules/no-such-module/enable", bearer)).statusCode());

        replaceLine(users, "itest-temp", "itest-temp = itest-secret,viewer,admin");
        HttpResponse<String> promoted = awaitNot(post("/platform/modules/no-such-module/enable", bearer), 403);
        assertEquals("the token acts with the role its user was given: " + promoted.body(), 404, promoted.statusCode());

        replaceLine(users, "itest-temp", null);
        HttpResponse<String> gone = awaitNot(get("/platform/modules", bearer), 200);
        assertEquals("the token died with its user", 401, gone.statusCode());
        String listed = executeCommand("tessera:tokens");
        assertTrue(listed, listed.contains("itest-temp") && listed.contains("revoked"));

        String forever = executeCommand("tessera:token-create --expires never itest-viewer");
        assertTrue(forever, forever.contains("never expires"));
    }

    private static void replaceLine(java.nio.file.Path file, String user, String line) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String l : java.nio.file.Files.readAllLines(file)) {
            if (!l.trim().startsWith(user + " ") && !l.trim().startsWith(user + "=")) {
                lines.add(l);
            } else if (line != null) {
                lines.add(line);
            }
        }
        java.nio.file.Files.write(file, lines);
    }


    @Test
    public void withoutCredentialsTheApiAnswers401AsProblemJson() throws Exception {
        HttpResponse<String> response = await(get("/platform/modules", null));
        assertEquals(401, response.statusCode());
        assertProblem(response, "platform.unauthenticated");
        assertEquals("Basic realm=\"Tessera\"", response.headers().firstValue("WWW-Authenticate").orElse(""));
        assertEquals(401, send(get("/platform/modules", basic("itest-admin", "wrong"))).statusCode());
    }

    @Test
    public void aViewerReadsButMayNotChangeAndAnUnrelatedRoleMayNotRead() throws Exception {
        HttpResponse<String> modules = await(get("/platform/modules", basic("itest-viewer", "itest-secret")));
        assertEquals(modules.body(), 200, modules.statusCode());
        assertTrue(modules.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        assertTrue(modules.body(), modules.body().startsWith("["));

        HttpResponse<String> enable = send(post("/platform/modules/itest-greeter/enable", basic("itest-viewer", "itest-secret")));
        assertEquals(enable.body(), 403, enable.statusCode());
        assertProblem(enable, "platform.forbidden");

        HttpResponse<String> sales = send(get("/platform/modules", basic("itest-sales", "itest-secret")));
        assertEquals(403, sales.statusCode());
    }

    @Test
    public void aRefusalKeepsItsCodeAndStatus() throws Exception {
        HttpResponse<String> unknown = await(post("/platform/modules/no-such-module/enable", basic("itest-admin", "itest-secret")));
        assertEquals(unknown.body(), 404, unknown.statusCode());
        assertProblem(unknown, "platform.unknown-module");
        assertTrue(unknown.body(), unknown.body().contains("Unknown module 'no-such-module'"));
        assertTrue("no stack trace", !unknown.body().contains("at dev.tessera"));

        HttpResponse<String> noSuchPath = send(get("/platform/nothing-here", basic("itest-admin", "itest-secret")));
        assertEquals(404, noSuchPath.statusCode());
        assertProblem(noSuchPath, "platform.http-404");
    }

    @Test
    public void theServerItselfAnswersProblemDocumentsAndNeverEchoesAForgedHost() throws Exception {
        String tooLong = raw("GET /api/v1/platform/" + "a".repeat(9000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Connection: close\r\n\r\n");
        assertTrue(tooLong, tooLong.startsWith("HTTP/1.1 414"));
        assertTrue(tooLong, tooLong.contains("application/problem+json") && tooLong.contains("\"code\":\"platform.http-414\"")
                && !tooLong.contains("<h1>"));
        String nul = raw("GET /api/v1/platform/modules%00 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        assertTrue(nul, nul.startsWith("HTTP/1.1 400") || nul.startsWith("HTTP/1.1 404"));
        assertTrue(nul, nul.contains("application/problem+json") && !nul.contains("<html") && !nul.contains("<h1>"));
        String forged = raw("GET /api HTTP/1.1\r\nHost: attacker.example\r\nConnection: close\r\n\r\n");
        assertTrue(forged, forged.startsWith("HTTP/1.1 3") || forged.startsWith("HTTP/1.1 404"));
        assertTrue("the Host header is not echoed: " + forged, !forged.contains("attacker.example"));
        for (String host : List.of("a b", "a\"b", "x<y>", "a:b:c")) {
            String malformed = raw("GET /api/v1/platform/health HTTP/1.1\r\nHost: " + host
                    + "\r\nConnection: close\r\n\r\n");
            assertTrue(host + ": " + malformed, malformed.startsWith("HTTP/1.1 400"));
            assertTrue(host + ": " + malformed, malformed.contains("application/problem+json")
                    && malformed.contains("\"code\":\"platform.http-400\"") && !malformed.contains("Exception"));
        }
    }

    @Test
    public void livenessIsOpenAndTheDetailsNeedARole() throws Exception {
        HttpResponse<String> open = await(get("/platform/health", null));
        assertEquals(open.body(), 200, open.statusCode());
        assertEquals("{\"status\":\"UP\"}", open.body());
        HttpResponse<String> detailed = send(get("/platform/health", basic("itest-viewer", "itest-secret")));
        assertTrue(detailed.body(), detailed.body().contains("\"datasource\"") && detailed.body().contains("\"entries\""));
    }

    @Test
    public void theEventStreamPagesByPositionAndBadParametersAre400() throws Exception {
        addTestModules(features);
        HttpResponse<String> enabled = await(post("/platform/modules/itest-notes/enable", basic("itest-admin", "itest-secret")));
        assertEquals(enabled.body(), 200, enabled.statusCode());
        long id = (Long) callService("dev.tessera.itest.notes.api.NoteService", "create", "over http");
        await("the note's event", Duration.ofSeconds(10), () -> !events.history("note", Long.toString(id)).isEmpty());

        HttpResponse<String> page = send(get("/platform/events?after=0&limit=5&type=notes.*", basic("itest-viewer", "itest-secret")));
        assertEquals(page.body(), 200, page.statusCode());
        assertTrue(page.body(), page.body().contains("\"events\":[") && page.body().contains("\"next\":"));
        assertTrue("times as ISO-8601 strings: " + page.body(), page.body().matches("(?s).*\"occurredAt\":\"20\\d\\d-.*"));
        assertTrue(page.body(), page.body().contains("\"recordId\":\"" + id + "\""));

        HttpResponse<String> badLimit = send(get("/platform/events?limit=lots", basic("itest-viewer", "itest-secret")));
        assertEquals(400, badLimit.statusCode());
        assertProblem(badLimit, "platform.invalid-argument");
        assertTrue(badLimit.body(), badLimit.body().contains("'limit' must be a whole number from 1 to 1000"));

        HttpResponse<String> badType = send(get("/platform/events?type=sales.*.issued", basic("itest-viewer", "itest-secret")));
        assertEquals(400, badType.statusCode());

        HttpResponse<String> letters = send(get("/platform/dead-letters", basic("itest-viewer", "itest-secret")));
        assertEquals("{\"items\":[],\"next\":null}", letters.body());
        HttpResponse<String> replay = send(post("/platform/dead-letters/77/replay", basic("itest-admin", "itest-secret")));
        assertEquals(404, replay.statusCode());
        assertProblem(replay, "platform.dead-letter-not-found");
    }

    @Test
    public void aBodyAboveTheLimitIsRefusedWith413() throws Exception {
        byte[] tenMegabytes = new byte[10 * 1024 * 1024];
        java.util.Arrays.fill(tenMegabytes, (byte) 'x');
        HttpRequest big = request("/platform/modules/itest-greeter/enable", basic("itest-admin", "itest-secret"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(tenMegabytes)).build();
        HttpResponse<String> response = await(big);
        assertEquals(response.body(), 413, response.statusCode());
        assertProblem(response, "platform.body-too-large");

        // the same body without a declared length (chunked) is cut off once it passes the limit
        HttpRequest chunked = request("/platform/modules/itest-greeter/enable", basic("itest-admin", "itest-secret"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(tenMegabytes))).build();
        HttpResponse<String> cut = send(chunked);
        assertEquals(cut.body(), 413, cut.statusCode());
        assertProblem(cut, "platform.body-too-large");
    }

    @Test
    public void anApiTokenActsWithItsUsersRolesUntilRevoked() throws Exception {
        String created = executeCommand("tessera:token-create --expires 30d itest-viewer");
        java.util.regex.Matcher secret = java.util.regex.Pattern.compile("Secret \\(shown only now\\): (\\S+)").matcher(created);
        assertTrue(created, secret.find() && created.contains("with roles viewer"));
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("Token (\\S+) for itest-viewer").matcher(created);
        assertTrue(created, id.find());
        String bearer = "Bearer " + secret.group(1);

        HttpResponse<String> read = await(get("/platform/modules", bearer));
        assertEquals(read.body(), 200, read.statusCode());
        assertEquals(403, send(post("/platform/modules/itest-greeter/enable", bearer)).statusCode());
        assertEquals(401, send(get("/platform/modules", "Bearer tsr_not-a-token")).statusCode());

        String listed = executeCommand("tessera:tokens");
        assertTrue(listed, listed.contains(id.group(1)) && listed.contains("active") && !listed.contains(secret.group(1)));
        executeCommand("tessera:token-revoke " + id.group(1));
        assertEquals("a revoked token no longer works", 401, send(get("/platform/modules", bearer)).statusCode());

        String unknown = executeFailingCommand("tessera:token-create nobody");
        assertTrue(unknown, unknown.contains("No user 'nobody'") && unknown.contains("[platform.unknown-user]"));
        String badExpiry = executeFailingCommand("tessera:token-create --expires tomorrow itest-viewer");
        assertTrue(badExpiry, badExpiry.contains("e.g. 30d or 12h"));
    }

    /**
     * Every endpoint: 401 without credentials, 403 with an unrelated role, not 401/403 with its role. The API
     * description and liveness are the open ones.
     */
    @Test
    public void authorisationMatrixOverEveryEndpoint() throws Exception {
        String[][] endpoints = {
            // method, path, a role that may call it
            {"GET", "/platform/modules", "itest-viewer"},
            {"GET", "/platform/ownership", "itest-viewer"},
            {"GET", "/platform/events", "itest-viewer"},
            {"GET", "/platform/dead-letters", "itest-viewer"},
            {"POST", "/platform/modules/itest-client/enable", "itest-admin"},
            {"POST", "/platform/modules/itest-client/disable", "itest-admin"},
            {"POST", "/platform/dead-letters/1/replay", "itest-admin"},
            {"GET", "/webhooks", "itest-viewer"},
            {"POST", "/webhooks", "itest-admin"},
            {"GET", "/webhooks/1", "itest-viewer"},
            {"DELETE", "/webhooks/1", "itest-admin"},
            {"POST", "/webhooks/1/resume", "itest-admin"},
            {"GET", "/webhooks/1/deliveries", "itest-viewer"},
            {"GET", "/webhooks/1/deliveries/1", "itest-viewer"},
            {"POST", "/webhooks/1/deliveries/1/replay", "itest-admin"},
        };
        addTestModules(features);
        for (String[] e : endpoints) {
            String what = e[0] + " " + e[1];
            assertEquals(what + " without credentials", 401, await(call(e[0], e[1], null)).statusCode());
            assertEquals(what + " as sales", 403, send(call(e[0], e[1], basic("itest-sales", "itest-secret"))).statusCode());
            int allowed = send(call(e[0], e[1], basic(e[2], "itest-secret"))).statusCode();
            assertTrue(what + " as " + e[2] + " gave " + allowed, allowed != 401 && allowed != 403 && allowed < 500);
        }
        assertEquals(200, send(get("/openapi.json", null)).statusCode());
        assertEquals(200, send(get("/platform/health", null)).statusCode());
    }

    @Test
    public void aModulesPathsItsApiDescriptionAndItsEventTypesFollowEnableAndDisable() throws Exception {
        addTestModules(features);
        String admin = basic("itest-admin", "itest-secret");
        if (await(get("/notes", admin)).statusCode() == 200) { // another test of this class enabled it
            assertEquals(200, send(post("/platform/modules/itest-notes/disable", admin)).statusCode());
        }
        HttpResponse<String> before = await(get("/openapi.json", null));
        assertEquals(before.body(), 200, before.statusCode());
        assertTrue(before.body(), before.body().contains("\"openapi\":\"3.") && before.body().contains("\"/platform/modules\""));
        assertTrue("the notes module is not installed yet: " + before.body(), !before.body().contains("\"/notes\""));

        assertEquals(200, send(post("/platform/modules/itest-notes/enable", admin)).statusCode());
        HttpResponse<String> list = awaitStatus(get("/notes", admin), 200);
        assertTrue(list.body(), list.body().startsWith("{\"items\":["));
        HttpResponse<String> described = send(get("/openapi.json", null));
        assertTrue(described.body(), described.body().contains("\"/notes\""));
        HttpResponse<String> catalogue = send(get("/platform/event-types", null));
        assertEquals(catalogue.body(), 200, catalogue.statusCode());
        assertTrue("the module's events are in the catalogue, with their owner, record type, version and schema: "
                + catalogue.body(), catalogue.body().contains("{\"name\":\"notes.note.created\",\"ownerModule\":"
                + "\"itest-notes\",\"recordType\":\"note\",\"verb\":\"created\",\"schemaVersion\":1")
                && catalogue.body().contains("\"properties\":{\"text\":{\"type\":\"string\""));

        assertEquals(200, send(post("/platform/modules/itest-notes/disable", admin)).statusCode());
        HttpResponse<String> gone = awaitStatus(get("/notes", admin), 404);
        assertProblem(gone, "platform.http-404");
        assertTrue("gone from the description", !send(get("/openapi.json", null)).body().contains("\"/notes\""));
        assertTrue("gone from the catalogue", !send(get("/platform/event-types", null)).body()
                .contains("notes.note.created"));
    }

    @Test
    public void aModulesListPagesWithACursorAndItsCreateNamesEveryWrongField() throws Exception {
        addTestModules(features);
        String admin = basic("itest-admin", "itest-secret");
        send(post("/platform/modules/itest-notes/enable", admin)); // already enabled by another test is fine
        awaitStatus(get("/notes", admin), 200);
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> created = send(postJson("/notes", admin, "{\"text\":\"paged " + i + "\"}"));
            assertEquals(created.body(), 201, created.statusCode());
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            HttpResponse<String> page = send(get("/notes?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), admin));
            assertEquals(page.body(), 200, page.statusCode());
            java.util.regex.Matcher ids = java.util.regex.Pattern.compile("\"id\":(\\d+)").matcher(page.body());
            int onPage = 0;
            while (ids.find()) {
                assertTrue("no note twice: " + page.body(), seen.add(ids.group(1)));
                onPage++;
            }
            assertTrue(page.body(), onPage <= 2);
            java.util.regex.Matcher next = java.util.regex.Pattern.compile("\"next\":\"([^\"]+)\"").matcher(page.body());
            cursor = next.find() ? next.group(1) : null;
            pages++;
        } while (cursor != null && pages < 100);
        assertEquals(seen.size(), (long) (Long) callService("dev.tessera.itest.notes.api.NoteService", "count"));

        HttpResponse<String> badCursor = send(get("/notes?cursor=forged", admin));
        assertEquals(400, badCursor.statusCode());
        assertProblem(badCursor, "platform.invalid-argument");

        HttpResponse<String> blank = send(postJson("/notes", admin, "{\"text\":\"  \"}"));
        assertEquals(blank.body(), 400, blank.statusCode());
        assertProblem(blank, "platform.validation-failed");
        assertTrue(blank.body(), blank.body().contains("\"errors\":[{\"field\":\"text\""));
    }

    /**
     * A replay is only for the user who sent the first request: without credentials the answer is 401 (nothing about
     * the key), another user's same key is that user's own new request, and a different body is 422 only to the owner.
     */
    @Test
    public void anIdempotentReplayNeedsTheCredentialsOfTheUserWhoSentTheFirstRequest() throws Exception {
        addTestModules(features);
        send(post("/platform/modules/itest-notes/enable", ADMIN));
        awaitStatus(get("/notes", ADMIN), 200);
        String key = java.util.UUID.randomUUID().toString();
        HttpResponse<String> first = send(request("/notes", ADMIN).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"mine\"}")).build());
        assertEquals(first.body(), 201, first.statusCode());

        HttpResponse<String> anonymous = send(request("/notes", null).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"mine\"}")).build());
        assertEquals(anonymous.body(), 401, anonymous.statusCode());
        assertTrue(anonymous.headers().firstValue("Idempotent-Replayed").isEmpty());
        assertTrue(anonymous.body(), !anonymous.body().contains("mine"));
        HttpResponse<String> anonymousOther = send(request("/notes", null).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"other\"}")).build());
        assertEquals("a different body tells an anonymous caller nothing either", 401, anonymousOther.statusCode());
        HttpResponse<String> wrongPassword = send(request("/notes", basic("itest-admin", "wrong"))
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"mine\"}")).build());
        assertEquals(401, wrongPassword.statusCode());

        HttpResponse<String> viewer = send(request("/notes", VIEWER).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"mine\"}")).build());
        assertEquals("a user without the role is refused, not replayed: " + viewer.body(), 403, viewer.statusCode());
        assertTrue(viewer.headers().firstValue("Idempotent-Replayed").isEmpty());

        HttpResponse<String> replay = send(request("/notes", ADMIN).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"mine\"}")).build());
        assertEquals(201, replay.statusCode());
        assertEquals("true", replay.headers().firstValue("Idempotent-Replayed").orElse(""));
        assertEquals(first.body(), replay.body());
    }

    @Test
    public void twentyConcurrentPostsWithOneIdempotencyKeyCreateOneRecord() throws Exception {
        addTestModules(features);
        String admin = basic("itest-admin", "itest-secret");
        send(post("/platform/modules/itest-notes/enable", admin));
        awaitStatus(get("/notes", admin), 200);
        long before = (Long) callService("dev.tessera.itest.notes.api.NoteService", "count");
        String key = java.util.UUID.randomUUID().toString();
        HttpRequest create = request("/notes", admin).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"once\"}")).build();
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            sent.add(http.sendAsync(create, HttpResponse.BodyHandlers.ofString()));
        }
        java.util.Set<String> bodies = new java.util.HashSet<>();
        int replayed = 0;
        for (var future : sent) {
            HttpResponse<String> response = future.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(response.body(), 201, response.statusCode());
            bodies.add(response.body());
            replayed += response.headers().firstValue("Idempotent-Replayed").isPresent() ? 1 : 0;
        }
        assertEquals("one result for all twenty: " + bodies, 1, bodies.size());
        assertEquals(19, replayed);
        assertEquals(before + 1, (long) (Long) callService("dev.tessera.itest.notes.api.NoteService", "count"));

        HttpResponse<String> otherBody = send(request("/notes", admin).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"twice\"}")).build());
        assertEquals(otherBody.body(), 422, otherBody.statusCode());
        assertProblem(otherBody, "platform.idempotency-key-reused");

        // a refusal changed nothing and keeps nothing: its repeat runs again (and is refused again)
        String refusedKey = java.util.UUID.randomUUID().toString();
        HttpRequest invalid = request("/notes", admin).header("Content-Type", "application/json")
                .header("Idempotency-Key", refusedKey).POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"\"}")).build();
        HttpResponse<String> first = send(invalid);
        HttpResponse<String> again = send(invalid);
        assertEquals(400, first.statusCode());
        assertEquals(400, again.statusCode());
        assertTrue(again.headers().firstValue("Idempotent-Replayed").isEmpty());

        HttpResponse<String> badKey = send(request("/notes", admin).header("Content-Type", "application/json")
                .header("Idempotency-Key", "x".repeat(300)).POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"a\"}")).build());
        assertEquals(400, badKey.statusCode());
        assertEquals(before + 1, (long) (Long) callService("dev.tessera.itest.notes.api.NoteService", "count"));
    }
}
