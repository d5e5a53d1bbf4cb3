package dev.tessera.itests;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Clients that post journal entries, stock reservations and whole invoice chains (order, confirmation, shipment,
 * invoice) over REST, each request with an Idempotency-Key, while Tessera is killed with SIGKILL, stopped gracefully
 * or left by clients that hang up before the answer. A client whose request got no answer sends it again with the
 * same key until it is answered, as a careful integrator does; after every restart a sample of acknowledged requests
 * is sent again and must be replayed, byte for byte, not run. At the end every request is checked to have happened
 * exactly once, the books to balance, the hash chain to hold, document numbers to have no gaps, and every event to
 * have reached the subscribers and the webhook.
 */
final class CrashRun {
    /** What happens to Tessera in a cycle. */
    enum Interruption { KILL, GRACEFUL_RESTART, CLIENT_HANG_UP }

    /** One cycle of the run, for the table. */
    record Cycle(int number, Interruption kind, int acknowledgedSoFar, int interrupted, int replayed,
                 long recoveryMillis) {
    }

    /** The outcome of a run. */
    record Summary(List<Cycle> cycles, int acknowledged, int found, int lost, int duplicated, int interrupted,
                   int replayed, List<String> problems, long catchUpMillis, int webhookDuplicates) {
        boolean clean() {
            return lost == 0 && duplicated == 0 && problems.isEmpty();
        }

        String table(String title) {
            StringBuilder out = new StringBuilder();
            out.append(title).append('\n');
            out.append(String.format(Locale.ROOT, "%5s  %-17s %12s %12s %9s %12s%n", "cycle", "interruption",
                    "answered", "in flight", "replayed", "recovery ms"));
            for (Cycle c : cycles) {
                out.append(String.format(Locale.ROOT, "%5d  %-17s %12d %12d %9d %12d%n", c.number(),
                        c.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '), c.acknowledgedSoFar(),
                        c.interrupted(), c.replayed(), c.recoveryMillis()));
            }
            long kills = cycles.stream().filter(c -> c.kind() == Interruption.KILL).count();
            out.append(String.format(Locale.ROOT, "crash points %d, graceful restarts %d, hang-ups %d%n", kills,
                    cycles.stream().filter(c -> c.kind() == Interruption.GRACEFUL_RESTART).count(),
                    cycles.stream().filter(c -> c.kind() == Interruption.CLIENT_HANG_UP).count()));
            out.append(String.format(Locale.ROOT, "operations acknowledged %d, found %d, lost %d, duplicated %d%n",
                    acknowledged, found, lost, duplicated));
            out.append(String.format(Locale.ROOT, "requests interrupted and retried with their key %d, of which %d had"
                    + " committed before the interruption and were replayed, not run again%n", interrupted, replayed));
            out.append("(answered: keyed requests answered so far; in flight: requests without an answer at the"
                    + " interruption; replayed: acknowledged requests sent again after it, each answered byte for byte as"
                    + " the first time)\n");
            out.append(String.format(Locale.ROOT, "every subscriber and the webhook caught up %d ms after the load"
                    + " ended; webhook deliveries sent twice (at least once is the promise): %d%n", catchUpMillis,
                    webhookDuplicates));
            out.append(problems.isEmpty() ? "no problems\n" : "PROBLEMS:\n  " + String.join("\n  ", problems) + "\n");
            return out.toString();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SKU = "MUG-1";
    private static final String WAREHOUSE = "DEMO";
    private static final Duration CATCH_UP = Duration.ofSeconds(300);

    private final Installation tessera;
    private final Receiver receiver;
    private final int clients;
    private final Random random;
    private final String[] readyPaths = {"/ledger/accounts", "/inventory/items", "/sales/customers"};
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private final List<Step> acknowledged = Collections.synchronizedList(new ArrayList<>());
    private final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    private final List<Operation> operations = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger interrupted = new AtomicInteger();
    private final AtomicInteger replayedByRetry = new AtomicInteger();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private long customer;
    private int ordersBefore;
    private BigDecimal reservedBefore;
    private Instant webhookSince;

    CrashRun(Installation tessera, Receiver receiver, int clients, long seed) {
        this.tessera = tessera;
        this.receiver = receiver;
        this.clients = clients;
        this.random = new Random(seed);
    }

    /**
     * Boots the installation for the first time, applies the demo profile with its demo company (as an admin does
     * over REST), subscribes the webhook and adds the stock the reservations draw on.
     */
    void prepare() throws Exception {
        tessera.start();
        tessera.awaitReady(Duration.ofSeconds(240), "/platform/modules");
        HttpResponse<String> demo = tessera.send(tessera.request("/platform/profiles/demo/demo")
                .timeout(Duration.ofMinutes(5)).POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build());
        expect(demo, 200, "applying the demo profile with its demo company");
        tessera.awaitReady(Duration.ofSeconds(240), readyPaths);
        awaitDemoCustomer();
        HttpResponse<String> hook = tessera.post("/webhooks", "{\"url\":\"" + receiver.url() + "\",\"events\":"
                + "[\"ledger.*\",\"sales.*\",\"inventory.stock-reservation.*\"]}", null);
        expect(hook, 201, "subscribing the webhook");
        webhookSince = Instant.parse(JSON.readTree(hook.body()).path("createdAt").asText());
        HttpResponse<String> credit = tessera.send(tessera.request("/sales/customers/" + customer + "/billing")
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"creditLimit\":1000000000}")).build());
        expect(credit, 200, "raising the customer's credit limit for the run");
        HttpResponse<String> receipt = tessera.post("/inventory/receipts", "{\"sku\":\"" + SKU + "\",\"warehouse\":\""
                + WAREHOUSE + "\",\"quantity\":1000000,\"unitCost\":2.40,\"reference\":\"crash run " + run + "\"}", null);
        expect(receipt, 201, "receiving stock for the run");
        ordersBefore = count("/sales/orders");
        reservedBefore = reserved();
    }

    private void awaitDemoCustomer() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            JsonNode customers = JSON.readTree(tessera.get("/sales/customers?limit=1").body());
            if (customers.path("items").size() > 0) {
                customer = customers.path("items").get(0).path("accountId").asLong();
                return;
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
        throw new IllegalStateException("The demo company's customers did not reach sales within 120 s");
    }

    /** Runs the cycles under load, then checks everything. */
    Summary run(List<Interruption> plan, Duration loadPerCycle) throws Exception {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Thread t = new Thread(this::client, "crash-client-" + i);
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        List<Cycle> cycles = new ArrayList<>();
        int number = 0;
        for (Interruption kind : plan) {
            number++;
            long load = loadPerCycle.toMillis() / 2 + (long) (random.nextDouble() * loadPerCycle.toMillis());
            TimeUnit.MILLISECONDS.sleep(load);
            int interruptedBefore = interrupted.get();
            long recovery = switch (kind) {
                case KILL -> {
                    long start = System.nanoTime();
                    tessera.kill();
                    tessera.start();
                    tessera.awaitReady(Duration.ofSeconds(240), readyPaths);
                    yield TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                }
                case GRACEFUL_RESTART -> {
                    long start = System.nanoTime();
                    tessera.stop();
                    tessera.start();
                    tessera.awaitReady(Duration.ofSeconds(240), readyPaths);
                    yield TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                }
                case CLIENT_HANG_UP -> {
                    hangUps(5);
                    yield 0;
                }
            };
            int replayed = replaySample(25);
            cycles.add(new Cycle(number, kind, acknowledged.size(), interrupted.get() - interruptedBefore, replayed,
                    recovery));
        }
        TimeUnit.MILLISECONDS.sleep(loadPerCycle.toMillis() / 2);
        stopping.set(true);
        for (Thread t : threads) {
            t.join(TimeUnit.MINUTES.toMillis(5));
            if (t.isAlive()) {
                problems.add(t.getName() + " did not finish its request within 5 minutes");
            }
        }
        return check(cycles);
    }

    // ------------------------------------------------------------------ the clients

    /** A request of a business operation, with its key and, once answered, its answer. */
    static final class Step {
        final String path;
        final String json;
        final String key = UUID.randomUUID().toString();
        volatile int status;
        volatile String body;

        Step(String path, String json) {
            this.path = path;
            this.json = json;
        }
    }

    /** A business operation of one or more requests, sent in order. */
    abstract static class Operation {
        final String kind;
        final List<Step> steps = new ArrayList<>();
        boolean done;

        Operation(String kind) {
            this.kind = kind;
        }

        /** The next request, built from the answers to the earlier ones. */
        abstract Step next(int index) throws IOException;

        int size() {
            return 1;
        }
    }

    private final class Journal extends Operation {
        final String description = "crash " + run + " " + UUID.randomUUID();

        Journal() {
            super("journal entry");
        }

        @Override
        Step next(int index) {
            return new Step("/ledger/journal-entries", "{\"date\":\"" + LocalDate.now() + "\",\"description\":\""
                    + description + "\",\"lines\":[{\"account\":\"5300\",\"debit\":\"1.00\"},{\"account\":\"1100\","
                    + "\"credit\":\"1.00\"}]}");
        }
    }

    private final class Reservation extends Operation {
        final String reference = "crash " + run + " " + UUID.randomUUID();

        Reservation() {
            super("reservation");
        }

        @Override
        Step next(int index) {
            return new Step("/inventory/reservations", "{\"sku\":\"" + SKU + "\",\"warehouse\":\"" + WAREHOUSE
                    + "\",\"quantity\":1,\"reference\":\"" + reference + "\"}");
        }
    }

    private final class InvoiceChain extends Operation {
        long order;

        InvoiceChain() {
            super("invoice chain");
        }

        @Override
        int size() {
            return 4;
        }

        @Override
        Step next(int index) throws IOException {
            if (index == 0) {
                return new Step("/sales/orders", "{\"accountId\":" + customer + ",\"lines\":[{\"sku\":\"" + SKU
                        + "\",\"quantity\":1}]}");
            }
            if (index == 1) {
                order = JSON.readTree(steps.get(0).body).path("id").asLong();
                return new Step("/sales/orders/" + order + "/confirm", "");
            }
            if (index == 2) {
                return new Step("/sales/orders/" + order + "/shipments", "{}");
            }
            return new Step("/sales/orders/" + order + "/invoices", "{}");
        }
    }

    private Operation newOperation() {
        synchronized (random) {
            double r = random.nextDouble();
            return r < 0.6 ? new Journal() : r < 0.8 ? new Reservation() : new InvoiceChain();
        }
    }

    private void client() {
        while (!stopping.get()) {
            Operation op = newOperation();
            operations.add(op);
            try {
                boolean answered = true;
                for (int i = 0; i < op.size() && answered; i++) {
                    Step step = op.next(i);
                    op.steps.add(step);
                    answered = send(step, false); // a refusal is recorded as a problem; the client goes on
                }
                op.done = answered;
            } catch (IOException e) {
                problems.add(op.kind + ": an answer could not be read: " + e.getMessage());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * Sends the request until it is answered: again with the same key after no answer, a restart's 404 or 503,
     * or a 409 while the first attempt still runs. True when it was acknowledged.
     */
    private boolean send(Step step, boolean retry) throws InterruptedException {
        boolean retried = retry;
        long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (System.nanoTime() < giveUp) {
            HttpResponse<String> answer;
            try {
                answer = tessera.post(step.path, step.json, step.key);
            } catch (IOException e) {
                if (!retried) {
                    interrupted.incrementAndGet();
                    retried = true;
                }
                TimeUnit.MILLISECONDS.sleep(200);
                continue;
            }
            int status = answer.statusCode();
            if (status == 200 || status == 201) {
                step.status = status;
                step.body = answer.body();
                acknowledged.add(step);
                if (retried && answer.headers().firstValue("Idempotent-Replayed").isPresent()) {
                    replayedByRetry.incrementAndGet();
                }
                return true;
            }
            if (passing(answer)) {
                TimeUnit.MILLISECONDS.sleep(200);
                continue;
            }
            problems.add("POST " + step.path + " with key " + step.key + " answered " + status + ": " + answer.body());
            return false;
        }
        problems.add("POST " + step.path + " with key " + step.key + " got no answer within 10 minutes");
        return false;
    }

    /**
     * Answers of a server that is starting, stopping or busy with the same key: ask again. While it starts, a path
     * of a module whose resources are not registered yet answers 404: the request did not run, and is sent again.
     */
    private static boolean passing(HttpResponse<String> answer) {
        int status = answer.statusCode();
        String body = answer.body();
        return status == 503 || status == 404 && (!body.contains("\"code\"") || body.contains("platform.http-404"))
                || status == 409 && (body.contains("platform.idempotency-key-in-use")
                        || body.contains("platform.transaction-conflict"))
                || status == 500 && !body.contains("\"code\"");
    }

    /** Journal entries whose client hangs up right after sending, each sent again with its key afterwards. */
    private void hangUps(int n) throws Exception {
        List<Journal> dropped = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Journal op = new Journal();
            Step step = op.next(0);
            op.steps.add(step);
            operations.add(op);
            tessera.postAndHangUp(step.path, step.json, step.key);
            interrupted.incrementAndGet();
            dropped.add(op);
        }
        TimeUnit.MILLISECONDS.sleep(500);
        for (Journal op : dropped) {
            op.done = send(op.steps.get(0), true);
        }
    }

    /** Sends acknowledged requests again: each must be replayed with its first answer, not run again. */
    private int replaySample(int n) throws Exception {
        List<Step> sample;
        synchronized (acknowledged) {
            sample = new ArrayList<>(acknowledged);
        }
        Collections.shuffle(sample, random);
        int replayed = 0;
        for (Step step : sample.subList(0, Math.min(n, sample.size()))) {
            HttpResponse<String> again = tessera.post(step.path, step.json, step.key);
            if (again.statusCode() != step.status || !again.body().equals(step.body)
                    || again.headers().firstValue("Idempotent-Replayed").isEmpty()) {
                problems.add("the replay of POST " + step.path + " with key " + step.key + " answered "
                        + again.statusCode() + " " + again.body() + " instead of its first answer " + step.status + " "
                        + step.body);
            } else {
                replayed++;
            }
        }
        return replayed;
    }

    // ------------------------------------------------------------------ the checks

    private Summary check(List<Cycle> cycles) throws Exception {
        long catchUp = awaitCaughtUp();
        List<Operation> all;
        synchronized (operations) {
            all = new ArrayList<>(operations);
        }
        int lost = 0;
        int duplicated = 0;
        int found = 0;
        int acked = 0;

        // journal entries: each acknowledged description exactly once
        Map<String, Integer> byDescription = new HashMap<>();
        List<String> numbers = new ArrayList<>();
        for (JsonNode entry : pages("/ledger/journal-entries", "items")) {
            byDescription.merge(entry.path("description").asText(), 1, Integer::sum);
            numbers.add(entry.path("number").asText());
        }
        Set<String> known = new HashSet<>();
        for (Operation op : all) {
            if (op instanceof Journal journal) {
                known.add(journal.description);
                if (!op.done) {
                    continue;
                }
                acked++;
                int n = byDescription.getOrDefault(journal.description, 0);
                found += Math.min(n, 1);
                lost += n == 0 ? 1 : 0;
                duplicated += Math.max(0, n - 1);
            }
        }
        for (Map.Entry<String, Integer> e : byDescription.entrySet()) {
            if (e.getKey().startsWith("crash " + run) && !known.contains(e.getKey())) {
                problems.add("journal entry '" + e.getKey() + "' exists but no client sent it");
            }
        }
        gapFree("journal entry", numbers);

        // reservations: each acknowledged one is there with its reference, and nothing else was reserved
        int reservations = 0;
        for (Operation op : all) {
            if (op instanceof Reservation reservation && op.done) {
                acked++;
                reservations++;
                JsonNode made = JSON.readTree(op.steps.get(0).body);
                JsonNode stored = JSON.readTree(tessera.get("/inventory/reservations/" + made.path("id").asLong()).body());
                if (!reservation.reference.equals(stored.path("reference").asText())) {
                    lost++;
                    problems.add("reservation " + made.path("id") + " is not the one acknowledged: " + stored);
                } else {
                    found++;
                }
            }
        }
        BigDecimal reserved = reserved().subtract(reservedBefore);
        // an order confirmed and not shipped holds its reservation
        int chainsReserving = (int) all.stream().filter(op -> op instanceof InvoiceChain chain
                && chain.steps.size() >= 2 && chain.steps.get(1).body != null
                && (chain.steps.size() < 3 || chain.steps.get(2).body == null)).count();
        int extra = reserved.intValue() - reservations - chainsReserving;
        if (extra > 0) {
            duplicated += extra;
            problems.add(extra + " more unit(s) reserved than reservations and open orders acknowledged");
        }

        // invoice chains: one order per acknowledged order request, one invoice per acknowledged invoice request
        int ordersAcked = 0;
        Map<Long, Integer> invoicesByOrder = new HashMap<>();
        List<String> invoiceNumbers = new ArrayList<>();
        for (JsonNode invoice : pages("/sales/invoices", "items")) {
            if (invoice.hasNonNull("orderId")) {
                invoicesByOrder.merge(invoice.path("orderId").asLong(), 1, Integer::sum);
            }
            invoiceNumbers.add(invoice.path("number").asText());
        }
        for (Operation op : all) {
            if (op instanceof InvoiceChain chain) {
                if (!chain.steps.isEmpty() && chain.steps.get(0).body != null) {
                    ordersAcked++;
                }
                if (chain.done) {
                    acked++;
                    int n = invoicesByOrder.getOrDefault(chain.order, 0);
                    found += Math.min(n, 1);
                    lost += n == 0 ? 1 : 0;
                    duplicated += Math.max(0, n - 1);
                }
            }
        }
        int orders = count("/sales/orders") - ordersBefore;
        if (orders != ordersAcked) {
            problems.add(orders + " orders were created for " + ordersAcked + " acknowledged order requests");
            if (orders > ordersAcked) {
                duplicated += orders - ordersAcked;
            } else {
                lost += ordersAcked - orders;
            }
        }
        gapFree("invoice", invoiceNumbers);

        // the books
        JsonNode trial = JSON.readTree(tessera.get("/ledger/trial-balance").body());
        if (new BigDecimal(trial.path("totalDebit").asText()).compareTo(new BigDecimal(trial.path("totalCredit")
                .asText())) != 0) {
            problems.add("the trial balance does not balance: " + trial.path("totalDebit") + " debit, "
                    + trial.path("totalCredit") + " credit");
        }
        JsonNode chain = JSON.readTree(tessera.get("/ledger/verification").body());
        if (!chain.path("intact").asBoolean()) {
            problems.add("the journal's hash chain is broken: " + chain);
        }

        int webhookDuplicates = checkWebhook();
        return new Summary(cycles, acked, found, lost, duplicated, interrupted.get(), replayedByRetry.get(),
                List.copyOf(problems), catchUp, webhookDuplicates);
    }

    /** Waits until every subscriber is caught up and no webhook delivery waits; how long that took. */
    private long awaitCaughtUp() throws Exception {
        long start = System.nanoTime();
        long deadline = start + CATCH_UP.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            JsonNode health = JSON.readTree(tessera.get("/platform/health").body());
            String events = "";
            String webhooks = "";
            for (JsonNode entry : health.path("entries")) {
                if (entry.path("name").asText().equals("events")) {
                    events = entry.path("status").path("detail").asText();
                } else if (entry.path("name").asText().equals("webhooks")) {
                    webhooks = entry.path("status").path("detail").asText();
                }
            }
            last = events + " / " + webhooks;
            if (events.contains("all caught up") && webhooks.contains(" 0 deliveries pending")) {
                return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        problems.add("not caught up " + CATCH_UP.toSeconds() + " s after the load ended (stalled): " + last);
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    /** Every event the webhook subscribes to reached the receiver; returns how many came more than once. */
    private int checkWebhook() throws Exception {
        Map<String, Integer> received = new HashMap<>();
        for (Receiver.Request r : receiver.requests()) {
            received.merge(r.header("X-Tessera-Event-Id"), 1, Integer::sum);
        }
        int missing = 0;
        long after = 0;
        while (true) {
            JsonNode page = JSON.readTree(tessera.get("/platform/events?limit=1000&after=" + after).body());
            if (page.path("events").isEmpty()) {
                break;
            }
            for (JsonNode stored : page.path("events")) {
                JsonNode event = stored.path("event");
                String type = event.path("type").asText();
                boolean subscribed = type.startsWith("ledger.") || type.startsWith("sales.")
                        || type.startsWith("inventory.stock-reservation.");
                if (subscribed && !Instant.parse(event.path("occurredAt").asText()).isBefore(webhookSince)
                        && !received.containsKey(event.path("id").asText())) {
                    missing++;
                }
            }
            after = page.path("next").asLong();
        }
        if (missing > 0) {
            problems.add(missing + " event(s) never reached the webhook");
        }
        return (int) received.values().stream().filter(n -> n > 1).count();
    }

    private BigDecimal reserved() throws Exception {
        BigDecimal reserved = BigDecimal.ZERO;
        for (JsonNode level : JSON.readTree(tessera.get("/inventory/stock?sku=" + SKU).body())) {
            if (WAREHOUSE.equals(level.path("warehouse").asText())) {
                reserved = reserved.add(new BigDecimal(level.path("reserved").asText("0")));
            }
        }
        return reserved;
    }

    private void gapFree(String what, List<String> numbers) {
        Map<String, List<Integer>> bySeries = new TreeMap<>();
        for (String number : numbers) {
            int dash = number.lastIndexOf('-');
            if (dash < 0) {
                continue;
            }
            bySeries.computeIfAbsent(number.substring(0, dash), s -> new ArrayList<>())
                    .add(Integer.parseInt(number.substring(dash + 1)));
        }
        for (Map.Entry<String, List<Integer>> series : bySeries.entrySet()) {
            List<Integer> n = series.getValue();
            Collections.sort(n);
            for (int i = 0; i < n.size(); i++) {
                if (n.get(i) != i + 1) {
                    problems.add(what + " numbers of " + series.getKey() + " are not gap-free and unique: expected "
                            + (i + 1) + ", found " + n.get(i));
                    break;
                }
            }
        }
    }

    private List<JsonNode> pages(String path, String field) throws Exception {
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        do {
            String url = path + "?limit=1000" + (cursor == null ? "" : "&cursor=" + cursor);
            JsonNode page = JSON.readTree(tessera.get(url).body());
            page.path(field).forEach(all::add);
            cursor = page.hasNonNull("next") ? page.path("next").asText() : null;
        } while (cursor != null);
        return all;
    }

    private int count(String path) throws Exception {
        return pages(path, "items").size();
    }

    private static void expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(what + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}
