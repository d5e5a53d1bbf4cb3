package dev.tessera.itests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One installation of the distribution, unpacked from the tar.gz and run as an operator runs it: started in the
 * background with bin/tessera, stopped gracefully, or killed with SIGKILL in the middle of its work; and called over
 * REST like any client. Ports are free ones, so installations never clash with anything else running.
 */
final class Installation {
    static final String USER = "ops";
    static final String PASSWORD = "ops-secret-for-tests";

    private final Path home;
    private final int httpPort;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();

    private Installation(Path home, int httpPort) {
        this.home = home;
        this.httpPort = httpPort;
    }

    /** Unpacks a fresh installation (any earlier one of that name is removed) with an administrator {@link #USER}. */
    static Installation unpack(String name) throws Exception {
        Path tarGz = Path.of(TesseraTestSupport.requiredProperty("tessera.distribution"));
        Path work = Path.of(TesseraTestSupport.requiredProperty("tessera.itest.work"), name);
        deleteTree(work);
        Files.createDirectories(work);
        Process untar = new ProcessBuilder("tar", "xzf", tarGz.toString(), "-C", work.toString(),
                "--strip-components=1").redirectErrorStream(true).start();
        String output = new String(untar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (untar.waitFor() != 0) {
            throw new IllegalStateException("Cannot unpack " + tarGz + ": " + output);
        }
        int http = freePort();
        setProperty(work.resolve("etc/org.ops4j.pax.web.cfg"), "org.osgi.service.http.port", Integer.toString(http));
        setProperty(work.resolve("etc/org.apache.karaf.shell.cfg"), "sshPort", Integer.toString(freePort()));
        setProperty(work.resolve("etc/org.apache.karaf.management.cfg"), "rmiRegistryPort", Integer.toString(freePort()));
        setProperty(work.resolve("etc/org.apache.karaf.management.cfg"), "rmiServerPort", Integer.toString(freePort()));
        Files.writeString(work.resolve("etc/users.properties"), USER + " = " + PASSWORD + ",_g_:admingroup\n",
                java.nio.file.StandardOpenOption.APPEND);
        return new Installation(work, http);
    }

    Path home() {
        return home;
    }

    /** Sets {@code key = value} in a file under etc/, as an administrator edits it. */
    void configure(String file, String key, String value) throws IOException {
        setProperty(home.resolve("etc").resolve(file), key, value);
    }

    /** Points the installation at a PostgreSQL database instead of its embedded Derby. */
    void usePostgres(String url, String user, String password) throws IOException {
        configure("org.ops4j.datasource-tessera.cfg", "osgi.jdbc.driver.name", "PostgreSQL JDBC Driver");
        configure("org.ops4j.datasource-tessera.cfg", "url", url);
        configure("org.ops4j.datasource-tessera.cfg", "user", user);
        configure("org.ops4j.datasource-tessera.cfg", "password", password);
    }

    /** Starts the server in the background ({@code bin/tessera start}) with these extra JVM options. */
    void start(String... javaOptions) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/tessera").toString(), "start")
                .directory(home.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("KARAF_OPTS", String.join(" ", javaOptions));
        Process started = builder.start();
        String output = new String(started.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!started.waitFor(60, TimeUnit.SECONDS) || started.exitValue() != 0) {
            throw new IllegalStateException("bin/tessera start failed: " + output);
        }
    }

    /** Waits until every path answers 200 to the administrator; returns how long that took. */
    Duration awaitReady(Duration timeout, String... paths) throws Exception {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        for (String path : paths) {
            while (true) {
                Optional<HttpResponse<String>> answer = tryGet(path);
                if (answer.isPresent() && answer.get().statusCode() == 200) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("GET " + path + " did not answer 200 within " + timeout.toSeconds()
                            + " s: " + answer.map(r -> r.statusCode() + " " + r.body()).orElse("no connection")
                            + "\n" + logTail());
                }
                TimeUnit.MILLISECONDS.sleep(100);
            }
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** Stops the server gracefully ({@code bin/tessera stop}) and waits for its JVM to end. */
    void stop() throws Exception {
        Optional<ProcessHandle> jvm = jvm();
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/tessera").toString(), "stop")
                .directory(home.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process stop = builder.start();
        stop.getInputStream().readAllBytes();
        stop.waitFor(60, TimeUnit.SECONDS);
        awaitEnd(jvm, Duration.ofSeconds(120));
    }

    /** Kills the server's JVM with SIGKILL: no shutdown hook, no flush, no goodbye. */
    void kill() throws Exception {
        Optional<ProcessHandle> jvm = jvm();
        if (jvm.isEmpty()) {
            throw new IllegalStateException("Tessera is not running (no karaf.pid)");
        }
        jvm.get().destroyForcibly();
        awaitEnd(jvm, Duration.ofSeconds(30));
    }

    boolean running() throws IOException {
        return jvm().map(ProcessHandle::isAlive).orElse(false);
    }

    private Optional<ProcessHandle> jvm() throws IOException {
        Path pid = home.resolve("karaf.pid");
        if (!Files.exists(pid)) {
            return Optional.empty();
        }
        String text = Files.readString(pid).trim();
        return text.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(text));
    }

    private static void awaitEnd(Optional<ProcessHandle> jvm, Duration timeout) throws Exception {
        if (jvm.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (jvm.get().isAlive()) {
            if (System.nanoTime() > deadline) {
                jvm.get().destroyForcibly();
                throw new IllegalStateException("Tessera's JVM did not end within " + timeout.toSeconds() + " s");
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    /** The last lines of data/log/tessera.log (or karaf.log), for a failure message. */
    String logTail() {
        try (Stream<Path> logs = Files.list(home.resolve("data/log"))) {
            Path log = logs.filter(p -> p.getFileName().toString().endsWith(".log")
                    && !p.getFileName().toString().startsWith("derby")).findFirst().orElse(null);
            if (log == null) {
                return "(no log)";
            }
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    // ------------------------------------------------------------------ REST

    int httpPort() {
        return httpPort;
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/api/v1" + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", basic(USER, PASSWORD));
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    Optional<HttpResponse<String>> tryGet(String path) {
        try {
            return Optional.of(http.send(request(path).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** A POST with a JSON body and, when {@code key} is not null, an Idempotency-Key. */
    HttpResponse<String> post(String path, String json, String key) throws IOException, InterruptedException {
        HttpRequest.Builder builder = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json));
        if (key != null) {
            builder.header("Idempotency-Key", key);
        }
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Sends a keyed POST over a raw socket and closes the connection as soon as the request is written, without
     * reading a byte of the answer: a client that gives up (or whose network drops) right after sending.
     */
    void postAndHangUp(String path, String json, String key) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = "POST /api/v1" + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + httpPort + "\r\nAuthorization: "
                + basic(USER, PASSWORD) + "\r\nContent-Type: application/json\r\nIdempotency-Key: " + key
                + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", httpPort), 5000);
            socket.setSoLinger(true, 0); // close with a reset, as a dropped client does
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream ignored = socket.getInputStream();
        }
    }

    // ------------------------------------------------------------------ files

    static void setProperty(Path file, String key, String value) throws IOException {
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

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
