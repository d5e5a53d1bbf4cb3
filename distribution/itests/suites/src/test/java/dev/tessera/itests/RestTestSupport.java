package dev.tessera.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.ops4j.pax.exam.Option;

/** Suites that talk to the running distribution over HTTP: users, a client and assertions for problem+json. */
public abstract class RestTestSupport extends TesseraTestSupport {
    protected final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    protected static final String ADMIN = basic("itest-admin", "itest-secret");
    protected static final String VIEWER = basic("itest-viewer", "itest-secret");
    protected static final String SALES = basic("itest-sales", "itest-secret");

    /** Users for these tests only: an administrator, a viewer and a user with an unrelated role. */
    protected List<Option> withUsers(Option[] base) {
        List<Option> options = new ArrayList<>(List.of(base));
        options.add(editConfigurationFilePut("etc/users.properties", "itest-admin", "itest-secret,_g_:admingroup"));
        options.add(editConfigurationFilePut("etc/users.properties", "itest-viewer", "itest-secret,viewer"));
        options.add(editConfigurationFilePut("etc/users.properties", "itest-sales", "itest-secret,sales"));
        return options;
    }

    protected HttpRequest delete(String path, String authorization) {
        return request(path, authorization).DELETE().build();
    }

    protected HttpRequest call(String method, String path, String authorization) {
        return switch (method) {
            case "GET" -> get(path, authorization);
            case "DELETE" -> delete(path, authorization);
            default -> postJson(path, authorization, "{}");
        };
    }


    protected static void assertProblem(HttpResponse<String> response, String code) {
        assertTrue(response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(response.body(), response.body().contains("\"code\":\"" + code + "\"")
                && response.body().contains("\"status\":" + response.statusCode()));
    }

    protected HttpRequest get(String path, String authorization) {
        return request(path, authorization).GET().build();
    }

    protected HttpRequest post(String path, String authorization) {
        return request(path, authorization).POST(HttpRequest.BodyPublishers.noBody()).build();
    }

    protected HttpRequest postJson(String path, String authorization, String json) {
        return request(path, authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    /** Repeats a request until it answers the status (a module's resource comes and goes asynchronously). */
    protected HttpResponse<String> awaitStatus(HttpRequest request, int status) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        HttpResponse<String> response = send(request);
        while (response.statusCode() != status && System.nanoTime() < deadline) {
            Thread.sleep(100);
            response = send(request);
        }
        assertEquals(response.body(), status, response.statusCode());
        return response;
    }

    /** Repeats a request (up to 10 s) until it answers something else than the status. */
    protected HttpResponse<String> awaitNot(HttpRequest request, int status) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        HttpResponse<String> response = send(request);
        while (response.statusCode() == status && System.nanoTime() < deadline) {
            Thread.sleep(200);
            response = send(request);
        }
        return response;
    }

    protected HttpRequest.Builder request(String path, String authorization) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + requiredProperty("tessera.itest.http.port") + "/api/v1" + path)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    /**
     * Sends a request as the bytes given (for what an HTTP client library refuses to send: a forged Host header, a
     * path no URI class accepts) and answers the whole response, head and body, as text.
     */
    protected static String raw(String head) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", Integer.parseInt(requiredProperty("tessera.itest.http.port")))) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(head.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    protected static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sends a request. The JAX-RS whiteboard rebuilds Tessera's application whenever a resource or extension comes or
     * goes (a module enabled, a schema migrated after boot); for that moment it answers a plain "No service was found"
     * 404, and a client sends again, as this does for up to 10 s.
     */
    protected HttpResponse<String> send(HttpRequest request) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        while (rebuilding(response) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        return response;
    }

    /**
     * Whether the answer came from the JAX-RS whiteboard while it rebuilds the application (a module's resources or
     * schema arrived): a 404 "No service was found", or a 500 that is not Tessera's problem document.
     */
    private static boolean rebuilding(HttpResponse<String> response) {
        return response.statusCode() == 404 && response.body().contains("No service was found")
                || response.statusCode() == 500 && !response.body().contains("\"code\"");
    }

    /** The first request after boot waits until the API is registered (it answers a plain 404 before that). */
    protected HttpResponse<String> await(HttpRequest request) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        HttpResponse<String> response = send(request);
        while (response.body().contains("No service was found") && System.nanoTime() < deadline) {
            synchronized (this) {
                wait(200);
            }
            response = send(request);
        }
        return response;
    }

    /** Repeats a request until its answer contains {@code expected} (30 s at most). */
    protected HttpResponse<String> awaitBody(java.net.http.HttpRequest request, String expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        HttpResponse<String> response = send(request);
        while (!response.body().contains(expected) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            response = send(request);
        }
        assertTrue(response.body(), response.body().contains(expected));
        return response;
    }

    /** Bodies no write endpoint may take: malformed, wrong shapes and types, unknown fields, huge numbers, scripts. */
    protected static final List<String> HOSTILE_BODIES = List.of("{\"a\":", "not json at all", "{} trailing", "[1,2,3]",
            "{\"code\":[\"a\"]}", "{\"quantity\":true}", "{\"quantity\":123456789012345678901234567890,\"x\":1}",
            "{\"amount\":1e999999999}", "{\"unknownField\":\"' OR 1=1; DROP TABLE X; --\"}",
            "{\"name\":\"<script>alert(1)</script>\",\"zzz\":1}", "[".repeat(100_000) + "]".repeat(100_000), "");

    /**
     * Sends every hostile body to every endpoint: each answer must be a 4xx problem document that shows nothing of the
     * implementation.
     */
    protected void assertHostileInputRefused(List<String> endpoints, String authorization) throws Exception {
        for (String endpoint : endpoints) {
            for (String body : HOSTILE_BODIES) {
                HttpResponse<String> response = send(postJson(endpoint, authorization, body));
                String what = endpoint + " <- " + (body.length() > 60 ? body.substring(0, 60) + "..." : body);
                assertTrue(what + " gave " + response.statusCode() + " " + response.body(),
                        response.statusCode() >= 400 && response.statusCode() < 500);
                assertTrue(what + ": " + response.headers().firstValue("Content-Type"),
                        response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
                assertTrue(what + " leaks internals: " + response.body(), !response.body().contains("dev.tessera")
                        && !response.body().contains("Exception") && !response.body().contains("\tat "));
            }
        }
    }
}
