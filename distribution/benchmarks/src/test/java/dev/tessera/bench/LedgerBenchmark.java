package dev.tessera.bench;

import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.vmOptions;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFileExtend;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.apache.karaf.features.BootFinished;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.SynchronousBundleListener;

import dev.tessera.erp.ledger.api.LedgerService;
import dev.tessera.erp.ledger.api.PostingLine;
import dev.tessera.erp.ledger.api.PostingRequest;
import dev.tessera.platform.api.ApiTokens;
import dev.tessera.platform.api.ModuleManager;

/**
 * In the running distribution (Derby, the shipped settings): ledger postings through LedgerService against raw JDBC
 * writing the same rows with the same commits into the same database, bulk entries against JDBC batches, REST
 * against the same call in-process, hot deploy under load, and the trial balance against a SQL GROUP BY.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LedgerBenchmark {
    private static final String KARAF_VERSION = "4.4.10";
    private static final int HTTP_PORT = freePort();
    private static final long SEED = 20261123L;
    /** Chain positions of the baseline's rows: negative, so they never meet the service's. */
    private static final java.util.concurrent.atomic.AtomicLong BASELINE_SEQ = new java.util.concurrent.atomic.AtomicLong();

    @Inject
    private BootFinished boot;

    @Inject
    private LedgerService ledger;

    @Inject
    private ModuleManager modules;

    @Inject
    private BundleContext context;

    @Inject
    private DataSource dataSource;

    @Inject
    private ApiTokens tokens;

    @Configuration
    public Option[] config() {
        File tarGz = new File(System.getProperty("tessera.distribution"));
        return new Option[] {
            karafDistributionConfiguration().frameworkUrl(tarGz.toURI().toString()).name("Tessera")
                    .karafVersion(KARAF_VERSION).unpackDirectory(new File("target/exam")).useDeployFolder(false),
            configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
            logLevel(LogLevel.WARN),
            editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", Integer.toString(freePort())),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", Integer.toString(freePort())),
            editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", Integer.toString(freePort())),
            editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", Integer.toString(HTTP_PORT)),
            editConfigurationFilePut("etc/system.properties", "bench.http.port", Integer.toString(HTTP_PORT)),
            editConfigurationFilePut("etc/system.properties", "bench.out", System.getProperty("bench.out")),
            editConfigurationFilePut("etc/system.properties", "bench.lines", System.getProperty("bench.lines", "1000000")),
            editConfigurationFilePut("etc/users.properties", "bench", "bench-secret,finance,viewer,admin"),
            editConfigurationFileExtend("etc/org.apache.karaf.features.cfg", "featuresBoot", "tessera-erp-ledger"),
            editConfigurationFileExtend("etc/org.apache.karaf.features.cfg", "featuresBoot", "tessera-erp-inventory"),
            systemProperty("pax.exam.service.timeout").value("120000"),
            vmOptions("--add-reads=java.xml=java.logging",
                "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED",
                "--patch-module", "java.base=lib/endorsed/org.apache.karaf.specs.locator-" + KARAF_VERSION + ".jar",
                "--patch-module", "java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + KARAF_VERSION + ".jar",
                "--add-opens", "java.base/java.security=ALL-UNNAMED", "--add-opens", "java.base/java.net=ALL-UNNAMED",
                "--add-opens", "java.base/java.lang=ALL-UNNAMED", "--add-opens", "java.base/java.util=ALL-UNNAMED",
                "--add-opens", "java.naming/javax.naming.spi=ALL-UNNAMED",
                "--add-opens", "java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED",
                "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
                "-Djdk.util.zip.disableZip64ExtraFieldValidation=true",
                "-classpath", "lib/jdk9plus/*" + File.pathSeparator + "lib/boot/*"),
        };
    }

    @Test
    public void measure() throws Exception {
        // warm-up: JIT, EclipseLink metadata, connection pool, the fiscal year's periods
        postings(2026, 1, 300);
        jdbcPostings(2026, 1, 300);

        int n = 2000;
        double service1 = postings(2027, 1, n);
        double jdbc1 = jdbcPostings(2027, 1, n);
        Results.add("Ledger posting, 2-4 lines, 1 thread", "entries/s", service1, jdbc1, "raw JDBC, same rows and commits");
        double service4 = postings(2028, 4, n);
        double jdbc4 = jdbcPostings(2028, 4, n);
        Results.add("Ledger posting, 2-4 lines, 4 threads", "entries/s", service4, jdbc4, "raw JDBC, same rows and commits");

        double bulkService = bulk(2029, 20, false);
        double bulkJdbc = bulk(2029, 20, true);
        Results.add("Bulk journal, 1,000 lines per entry", "lines/s", bulkService, bulkJdbc, "raw JDBC addBatch");

        rest(2030, 2000);
        hotDeploy(2031, 5);
        trialBalance(2032, Integer.getInteger("bench.lines", 1_000_000));
    }

    // ------------------------------------------------------------------ measures

    /** Entries per second through LedgerService: n entries of 2 to 4 lines over the given threads. */
    private double postings(int year, int threads, int n) throws Exception {
        Random random = new Random(SEED);
        List<PostingRequest> requests = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            requests.add(request(year, i, 2 + random.nextInt(3)));
        }
        return run(threads, n, i -> ledger.post(requests.get(i), "bench"));
    }

    /**
     * The same work in raw JDBC on the same tables: per entry one transaction inserting the entry and its lines and
     * updating the account balances of its period, then committing.
     */
    private double jdbcPostings(int year, int threads, int n) throws Exception {
        Random random = new Random(SEED);
        List<PostingRequest> requests = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            requests.add(request(year, i, 2 + random.nextInt(3)));
        }
        ledger.periods(year); // the year's balance rows exist, as the service creates them
        return run(threads, n, i -> {
            PostingRequest r = requests.get(i);
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                long entry = insertEntry(c, "BL-" + year + "-" + threads + "-" + i, r, BASELINE_SEQ.decrementAndGet());
                try (PreparedStatement line = c.prepareStatement("INSERT INTO LDG_LINE (ENTRY_ID, LINE_NO, ACCOUNT, DEBIT,"
                        + " CREDIT) VALUES (?, ?, ?, ?, ?)");
                     PreparedStatement balance = c.prepareStatement("UPDATE LDG_BALANCE SET DEBIT = DEBIT + ?, CREDIT ="
                             + " CREDIT + ? WHERE ACCOUNT = ? AND PERIOD_ID = ?")) {
                    int no = 1;
                    for (PostingLine l : r.lines()) {
                        BigDecimal debit = l.debit() == null ? BigDecimal.ZERO : l.debit();
                        BigDecimal credit = l.credit() == null ? BigDecimal.ZERO : l.credit();
                        line.setLong(1, entry);
                        line.setInt(2, no++);
                        line.setString(3, l.account());
                        line.setBigDecimal(4, debit);
                        line.setBigDecimal(5, credit);
                        line.executeUpdate();
                        balance.setBigDecimal(1, debit);
                        balance.setBigDecimal(2, credit);
                        balance.setString(3, l.account());
                        balance.setString(4, r.date().toString().substring(0, 7));
                        balance.executeUpdate();
                    }
                }
                c.commit();
            }
            return null;
        });
    }

    /** Lines per second in entries of 1,000 lines each, through the service or as a JDBC batch. */
    private double bulk(int year, int entries, boolean jdbc) throws Exception {
        List<PostingLine> lines = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            lines.add(PostingLine.debit(i % 2 == 0 ? "5300" : "5600", "1.00"));
            lines.add(PostingLine.credit("1100", "1.00"));
        }
        long start = System.nanoTime();
        for (int e = 0; e < entries; e++) {
            PostingRequest r = new PostingRequest(LocalDate.of(year, 1 + e % 12, 10), "bulk " + e, null, null, lines);
            if (!jdbc) {
                ledger.post(r, "bench");
                continue;
            }
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                long entry = insertEntry(c, "BB-" + year + "-" + e, r, BASELINE_SEQ.decrementAndGet());
                try (PreparedStatement line = c.prepareStatement("INSERT INTO LDG_LINE (ENTRY_ID, LINE_NO, ACCOUNT, DEBIT,"
                        + " CREDIT) VALUES (?, ?, ?, ?, ?)")) {
                    int no = 1;
                    for (PostingLine l : lines) {
                        line.setLong(1, entry);
                        line.setInt(2, no++);
                        line.setString(3, l.account());
                        line.setBigDecimal(4, l.debit() == null ? BigDecimal.ZERO : l.debit());
                        line.setBigDecimal(5, l.credit() == null ? BigDecimal.ZERO : l.credit());
                        line.addBatch();
                    }
                    line.executeBatch();
                }
                c.commit();
            }
        }
        return entries * 1000.0 / ((System.nanoTime() - start) / 1e9);
    }

    /** POST journal entries over HTTP with 4 keep-alive connections (an API token), against the same calls in-process. */
    private void rest(int year, int n) throws Exception {
        String token = "Bearer " + issueToken();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        URI uri = URI.create("http://127.0.0.1:" + System.getProperty("bench.http.port") + "/api/v1/ledger/journal-entries");
        long[] latencies = new long[n];
        double restRate = run(4, n, i -> {
            String body = "{\"date\":\"" + year + "-03-0" + (1 + i % 9) + "\",\"description\":\"rest " + i + "\",\"lines\":["
                    + "{\"account\":\"5300\",\"debit\":\"12.34\"},{\"account\":\"1100\",\"credit\":\"12.34\"}]}";
            long t = System.nanoTime();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).header("Authorization", token)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            latencies[i] = System.nanoTime() - t;
            if (response.statusCode() != 201) {
                throw new IllegalStateException("REST answered " + response.statusCode() + ": " + response.body());
            }
            return null;
        });
        long[] inProcess = new long[n];
        double localRate = run(4, n, i -> {
            long t = System.nanoTime();
            ledger.post(new PostingRequest(LocalDate.of(year, 4, 1 + i % 9), "local " + i, null, null,
                    List.of(PostingLine.debit("5300", "12.34"), PostingLine.credit("1100", "12.34"))), "bench");
            inProcess[i] = System.nanoTime() - t;
            return null;
        });
        Results.add("REST POST journal entry, 4 connections", "entries/s", restRate, localRate, "same call in-process, 4 threads");
        Results.add("REST POST journal entry, p50", "ms", percentile(latencies, 50), percentile(inProcess, 50), "in-process p50");
        Results.add("REST POST journal entry, p99", "ms", percentile(latencies, 99), percentile(inProcess, 99), "in-process p99");
    }

    /** Disables and enables erp-inventory 5 times while 4 threads post to the ledger. */
    private void hotDeploy(int year, int toggles) throws Exception {
        List<String> restarted = Collections.synchronizedList(new ArrayList<>());
        BundleListener listener = (SynchronousBundleListener) e -> {
            String name = e.getBundle().getSymbolicName();
            if ((e.getType() == BundleEvent.STOPPED || e.getType() == BundleEvent.UPDATED
                    || e.getType() == BundleEvent.UNRESOLVED) && !name.startsWith("dev.tessera.erp.inventory")) {
                restarted.add(name);
            }
        };
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger posted = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        stop = false;
        List<Future<?>> load = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            load.add(pool.submit(() -> {
                int i = 0;
                while (!stop) {
                    try {
                        ledger.post(new PostingRequest(LocalDate.of(year, 1 + i % 12, 5), "under load " + thread + "-" + i,
                                null, null, List.of(PostingLine.debit("5300", "1.00"), PostingLine.credit("1100", "1.00"))),
                                "bench");
                        posted.incrementAndGet();
                    } catch (RuntimeException e) {
                        failed.incrementAndGet();
                    }
                    i++;
                }
            }));
        }
        context.addBundleListener(listener);
        long[] ready = new long[toggles];
        try {
            for (int k = 0; k < toggles; k++) {
                modules.disable(List.of("erp-inventory"));
                long t = System.nanoTime();
                modules.enable(List.of("erp-inventory")); // returns once the module is active
                ready[k] = System.nanoTime() - t;
            }
        } finally {
            context.removeBundleListener(listener);
            stop = true;
            for (Future<?> f : load) {
                f.get();
            }
            pool.shutdown();
        }
        Results.add("Hot deploy under load: enable erp-inventory, median of " + toggles, "ms", percentile(ready, 50), 0,
                "(no baseline)");
        Results.add("Hot deploy under load: failed ledger requests (" + posted.get() + " posted)", "count", failed.get(), 0,
                "must be 0");
        Results.add("Hot deploy under load: bundles restarted outside erp-inventory", "count", restarted.size(), 0,
                "must be 0" + (restarted.isEmpty() ? "" : " " + restarted));
    }

    private volatile boolean stop;

    /** A trial balance over {@code lines} journal lines of one year, against SQL GROUP BY over the lines table. */
    private void trialBalance(int year, int lines) throws Exception {
        List<PostingLine> entryLines = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            entryLines.add(PostingLine.debit(i % 3 == 0 ? "5300" : i % 3 == 1 ? "5600" : "5200", "1.00"));
            entryLines.add(PostingLine.credit(i % 2 == 0 ? "1100" : "2100", "1.00"));
        }
        long start = System.nanoTime();
        for (int e = 0; e < lines / 1000; e++) {
            ledger.post(new PostingRequest(LocalDate.of(year, 1 + e % 12, 1 + e % 28), "volume " + e, null, null,
                    entryLines), "bench");
        }
        double loadSeconds = (System.nanoTime() - start) / 1e9;
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        for (int w = 0; w < 3; w++) {
            ledger.trialBalance(from, to);
            groupBy(from, to);
        }
        long[] service = new long[9];
        long[] sql = new long[9];
        for (int k = 0; k < 9; k++) {
            long t = System.nanoTime();
            ledger.trialBalance(from, to);
            service[k] = System.nanoTime() - t;
            t = System.nanoTime();
            groupBy(from, to);
            sql[k] = System.nanoTime() - t;
        }
        Results.add("Trial balance over " + lines + " lines (loaded at " + Results.format(lines / loadSeconds) + " lines/s)",
                "ms", percentile(service, 50), percentile(sql, 50), "SQL GROUP BY over the lines");
    }

    private void groupBy(LocalDate from, LocalDate to) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT l.ACCOUNT,"
                + " SUM(l.DEBIT), SUM(l.CREDIT) FROM LDG_LINE l JOIN LDG_ENTRY e ON e.ID = l.ENTRY_ID WHERE e.ENTRY_DATE"
                + " >= ? AND e.ENTRY_DATE <= ? GROUP BY l.ACCOUNT")) {
            s.setDate(1, java.sql.Date.valueOf(from));
            s.setDate(2, java.sql.Date.valueOf(to));
            try (var r = s.executeQuery()) {
                while (r.next()) {
                    r.getBigDecimal(2);
                }
            }
        }
    }

    // ------------------------------------------------------------------ plumbing

    private interface Work {
        Object run(int i) throws Exception;
    }

    /** Runs n units of work over the threads; returns units per second. */
    private static double run(int threads, int n, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> done = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            done.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    work.run(i);
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        return n / ((System.nanoTime() - start) / 1e9);
    }

    private static PostingRequest request(int year, int i, int lines) {
        List<PostingLine> posting = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int k = 1; k < lines; k++) {
            BigDecimal amount = new BigDecimal((i % 97 + k) + ".25");
            posting.add(PostingLine.debit(k % 2 == 0 ? "5300" : "5600", amount.toPlainString()));
            total = total.add(amount);
        }
        posting.add(PostingLine.credit("1100", total.toPlainString()));
        return new PostingRequest(LocalDate.of(year, 1 + i % 12, 1 + i % 28), "bench " + i, null, null, posting);
    }

    private static long insertEntry(Connection c, String number, PostingRequest r, long chainSeq) throws Exception {
        BigDecimal total = r.lines().stream().map(l -> l.debit() == null ? BigDecimal.ZERO : l.debit())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        try (PreparedStatement s = c.prepareStatement("INSERT INTO LDG_ENTRY (ENTRY_NUMBER, ENTRY_DATE, PERIOD_ID,"
                + " DESCRIPTION, CLOSING, POSTED_BY, POSTED_AT, CURRENCY, TOTAL, CHAIN_SEQ, PREV_HASH, HASH) VALUES (?, ?,"
                + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, number);
            s.setDate(2, java.sql.Date.valueOf(r.date()));
            s.setString(3, r.date().toString().substring(0, 7));
            s.setString(4, r.description());
            s.setBoolean(5, false);
            s.setString(6, "bench");
            s.setTimestamp(7, Timestamp.from(Instant.now()));
            s.setString(8, "EUR");
            s.setBigDecimal(9, total);
            s.setLong(10, chainSeq);
            s.setString(11, "-");
            s.setString(12, "-");
            s.executeUpdate();
            try (var keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** An API token for the bench user, as tessera:token-create makes it (Basic would log in to JAAS per request). */
    private String issueToken() {
        return tokens.create("bench", Duration.ofDays(1)).secret();
    }

    private static double percentile(long[] nanos, int p) {
        long[] sorted = Arrays.copyOf(nanos, nanos.length);
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            return 0;
        }
    }

}
