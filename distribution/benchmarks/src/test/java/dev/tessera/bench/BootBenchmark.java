package dev.tessera.bench;

import java.io.IOException;
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
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.Test;

/**
 * Cold boot and memory of the whole distribution (ledger and inventory enabled) until every module's REST answers,
 * against a bare Apache Karaf of the same version until its shell (SSH) accepts connections; medians of 5. Memory is
 * the resident set after a REST load, against bare Karaf after boot.
 */
public class BootBenchmark {
    private static final int RUNS = 5;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    public void measure() throws Exception {
        Files.deleteIfExists(Results.dir().resolve("results.tsv")); // this run's results only (runs first)
        Path work = Results.dir().resolve("boot");
        Path tessera = unpack(Path.of(System.getProperty("tessera.distribution")), work.resolve("tessera"));
        Path karaf = unpack(Path.of(System.getProperty("bare.karaf")), work.resolve("karaf"));
        int httpPort = freePort();
        int tesseraSsh = freePort();
        int karafSsh = freePort();
        configure(tessera, tesseraSsh);
        set(tessera.resolve("etc/org.ops4j.pax.web.cfg"), "org.osgi.service.http.port", Integer.toString(httpPort));
        append(tessera.resolve("etc/users.properties"), "bench = bench-secret,_g_:admingroup\n");
        set(tessera.resolve("etc/org.apache.karaf.features.cfg"), "featuresBoot",
                featuresBoot(tessera) + ", tessera-erp-ledger, tessera-erp-inventory");
        configure(karaf, karafSsh);

        List<Long> tesseraBoots = new ArrayList<>();
        List<Long> karafBoots = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            tesseraBoots.add(boot(tessera, () -> answers(httpPort, "/api/v1/ledger/accounts")
                    && answers(httpPort, "/api/v1/inventory/items"), run < RUNS - 1));
            karafBoots.add(boot(karaf, () -> sshOpen(karafSsh), run < RUNS - 1));
        }
        Results.add("Cold boot until every module's REST answers, median of 5", "s", median(tesseraBoots) / 1000.0,
                median(karafBoots) / 1000.0, "bare Apache Karaf 4.4.10 until its shell is ready");

        // both still run: load Tessera over REST, then read both resident sets
        String auth = "Basic " + Base64.getEncoder().encodeToString("bench:bench-secret".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 1000; i++) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort
                    + "/api/v1/ledger/journal-entries")).header("Authorization", auth).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"date\":\"2026-05-05\",\"description\":\"load " + i
                            + "\",\"lines\":[{\"account\":\"5300\",\"debit\":\"1\"},{\"account\":\"1100\",\"credit\":\"1\"}]}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201) {
                throw new IllegalStateException("REST answered " + r.statusCode() + ": " + r.body());
            }
        }
        Results.add("Resident memory after 1,000 REST postings", "MiB", rss(tessera), rss(karaf),
                "bare Apache Karaf after boot");
        stop(tessera);
        stop(karaf);
        Results.add("Machine", "cores", Runtime.getRuntime().availableProcessors(), 0,
                "JDK " + System.getProperty("java.version"));
    }

    private interface Ready {
        boolean now() throws Exception;
    }

    /** Starts from a removed data/ (cold), waits until ready; stops again unless {@code stopAfter} is false. */
    private long boot(Path home, Ready ready, boolean stopAfter) throws Exception {
        deleteTree(home.resolve("data"));
        long start = System.nanoTime();
        run(home, "bin/start");
        long deadline = start + TimeUnit.SECONDS.toNanos(180);
        while (!ready.now()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(home + " was not ready after 180 s");
            }
            Thread.sleep(50);
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        if (stopAfter) {
            stop(home);
        }
        return millis;
    }

    private void stop(Path home) throws Exception {
        String pid = pid(home);
        run(home, "bin/stop");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (pid != null && Files.exists(Path.of("/proc", pid)) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private boolean answers(int port, String path) {
        try {
            String auth = "Basic " + Base64.getEncoder().encodeToString("bench:bench-secret".getBytes(StandardCharsets.UTF_8));
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Authorization", auth).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean sshOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Resident set size of the instance's JVM, from /proc/<pid>/status. */
    private static double rss(Path home) throws IOException {
        String pid = pid(home);
        for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        throw new IllegalStateException("no VmRSS for " + pid);
    }

    private static String pid(Path home) throws IOException {
        Path file = home.resolve("karaf.pid");
        return Files.exists(file) ? Files.readString(file).trim() : null;
    }

    private static Path unpack(Path tarGz, Path into) throws Exception {
        deleteTree(into);
        Files.createDirectories(into);
        Process p = new ProcessBuilder("tar", "xzf", tarGz.toString(), "-C", into.toString(), "--strip-components=1")
                .inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("cannot unpack " + tarGz);
        }
        return into;
    }

    /** Free ports for SSH and RMI, so the instances never clash with anything else running. */
    private static void configure(Path home, int ssh) throws IOException {
        set(home.resolve("etc/org.apache.karaf.shell.cfg"), "sshPort", Integer.toString(ssh));
        set(home.resolve("etc/org.apache.karaf.management.cfg"), "rmiRegistryPort", Integer.toString(freePort()));
        set(home.resolve("etc/org.apache.karaf.management.cfg"), "rmiServerPort", Integer.toString(freePort()));
    }

    private static String featuresBoot(Path home) throws IOException {
        StringBuilder value = new StringBuilder();
        boolean in = false;
        for (String line : Files.readAllLines(home.resolve("etc/org.apache.karaf.features.cfg"))) {
            if (line.trim().startsWith("featuresBoot")) {
                in = true;
                line = line.substring(line.indexOf('=') + 1);
            } else if (!in) {
                continue;
            }
            boolean more = line.trim().endsWith("\\");
            value.append(line.trim().replace("\\", ""));
            if (!more) {
                break;
            }
        }
        return value.toString();
    }

    /** Sets {@code key = value} in a .cfg file, replacing a (possibly continued) existing line. */
    private static void set(Path file, String key, String value) throws IOException {
        List<String> out = new ArrayList<>();
        boolean skipping = false;
        for (String line : Files.readAllLines(file)) {
            if (skipping) {
                skipping = line.trim().endsWith("\\");
                continue;
            }
            if (line.trim().startsWith(key + " ") || line.trim().startsWith(key + "=")) {
                skipping = line.trim().endsWith("\\");
                continue;
            }
            out.add(line);
        }
        out.add(key + " = " + value);
        Files.write(file, out);
    }

    private static void append(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardOpenOption.APPEND);
    }

    private static void run(Path home, String command) throws Exception {
        Process p = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        p.waitFor(60, TimeUnit.SECONDS);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.naturalOrder());
        return sorted.get(sorted.size() / 2);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
