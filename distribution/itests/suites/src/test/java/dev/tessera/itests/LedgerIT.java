package dev.tessera.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFileExtend;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.inject.Inject;
import javax.sql.DataSource;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import dev.tessera.erp.ledger.api.BalanceRow;
import dev.tessera.erp.ledger.api.BalanceSheet;
import dev.tessera.erp.ledger.api.JournalEntry;
import dev.tessera.erp.ledger.api.LedgerService;
import dev.tessera.erp.ledger.api.PostingLine;
import dev.tessera.erp.ledger.api.PostingRequest;
import dev.tessera.erp.ledger.api.ProfitAndLoss;
import dev.tessera.erp.ledger.api.StatementLine;
import dev.tessera.erp.ledger.api.TrialBalance;
import dev.tessera.platform.api.TesseraException;

/**
 * The general ledger in the running distribution: a textbook set of transactions gives the trial balance, profit
 * and loss and balance sheet computed by hand; invalid entries are refused and write nothing; reversals, periods,
 * idempotent posting, concurrency and tamper detection. Each test uses its own fiscal year.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LedgerIT extends RestTestSupport {
    private static final String FINANCE = basic("itest-finance", "itest-secret");

    @Inject
    private LedgerService ledger;

    @Override
    @Configuration
    public Option[] config() throws IOException {
        List<Option> options = withUsers(super.config());
        options.add(editConfigurationFilePut("etc/users.properties", "itest-finance", "itest-secret,finance"));
        options.add(editConfigurationFileExtend("etc/org.apache.karaf.features.cfg", "featuresBoot", "tessera-erp-ledger"));
        return options.toArray(new Option[0]);
    }

    @Test
    public void aTextbookSetOfTransactionsGivesTheStatementsComputedByHand() throws Exception {
        // other tests of this class post in other years: 2026 is this test's alone, so it compares its movements
        BalanceSheet before = ledger.balanceSheet(LocalDate.parse("2025-12-31"));
        post("2026-01-02", "Owner invests", line("1100", "50000", null), line("3100", null, "50000"));
        post("2026-01-05", "Equipment on credit", line("1500", "12000", null), line("2100", null, "12000"));
        post("2026-01-10", "Cash sale", line("1100", "8000", null), line("4100", null, "8000"));
        post("2026-01-15", "Credit sale", line("1200", "5000", null), line("4100", null, "5000"));
        post("2026-01-20", "January rent", line("5300", "2000", null), line("1100", null, "2000"));
        post("2026-01-25", "January salaries", line("5200", "3500", null), line("1100", null, "3500"));
        post("2026-01-31", "Depreciation", line("5400", "200", null), line("1590", null, "200"));
        ledger.setRate("USD", LocalDate.parse("2026-02-01"), new BigDecimal("0.9"), "itest");
        JournalEntry usd = post("2026-02-03", "Sale to a US customer, USD 1,000 at the table's rate",
                new PostingLine("1200", new BigDecimal("1000"), null, "USD", null, null, null, null),
                line("4100", null, "900"));
        assertEquals(new BigDecimal("900.00"), usd.lines().get(0).debit());
        assertEquals(new BigDecimal("0.9"), usd.lines().get(0).rate());
        post("2026-02-10", "Customer pays", line("1100", "5000", null), line("1200", null, "5000"));

        LocalDate jan1 = LocalDate.parse("2026-01-01");
        TrialBalance february = ledger.trialBalance(jan1, LocalDate.parse("2026-02-28"));
        assertEquals(Map.of("1100", "57500.00", "1200", "900.00", "1500", "12000.00", "1590", "-200.00",
                "2100", "-12000.00", "3100", "-50000.00", "4100", "-13900.00", "5200", "3500.00", "5300", "2000.00",
                "5400", "200.00"), net(february));
        assertEquals(new BigDecimal("76100.00"), february.totalDebit());
        assertEquals(february.totalDebit(), february.totalCredit());

        // a date inside a period: the period's postings up to that day count, later ones do not
        TrialBalance early = ledger.trialBalance(jan1, LocalDate.parse("2026-02-05"));
        assertEquals("-13900.00", net(early).get("4100"));
        assertEquals("5900.00", net(early).get("1200"));
        assertEquals("52500.00", net(ledger.trialBalance(jan1, LocalDate.parse("2026-01-31"))).get("1100"));

        ProfitAndLoss pnl = ledger.profitAndLoss(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-02-28"));
        assertEquals(new BigDecimal("13900.00"), pnl.totalRevenue());
        assertEquals(new BigDecimal("5700.00"), pnl.totalExpenses());
        assertEquals(new BigDecimal("8200.00"), pnl.netIncome());
        assertEquals(new BigDecimal("7300.00"), ledger.profitAndLoss(LocalDate.parse("2026-01-01"),
                LocalDate.parse("2026-01-31")).netIncome());

        BalanceSheet sheet = ledger.balanceSheet(LocalDate.parse("2026-02-28"));
        assertEquals(new BigDecimal("70200.00"), sheet.totalAssets().subtract(before.totalAssets()));
        assertEquals(new BigDecimal("12000.00"), sheet.totalLiabilities().subtract(before.totalLiabilities()));
        assertEquals(new BigDecimal("50000.00"), sheet.totalEquity().subtract(before.totalEquity()));
        assertEquals(new BigDecimal("8200.00"), sheet.currentEarnings().subtract(before.currentEarnings()));
        assertTrue(sheet.balanced() && before.balanced());
        assertEquals(new BigDecimal("-200.00"), amount(sheet.assets(), "1590"));

        var gl = ledger.accountLedger("1100", LocalDate.parse("2026-02-01"), LocalDate.parse("2026-02-28"));
        BigDecimal cashBefore = new BigDecimal(net(ledger.trialBalance(LocalDate.parse("2025-12-31"))).getOrDefault("1100", "0"));
        assertEquals(cashBefore.add(new BigDecimal("52500.00")), gl.opening());
        assertEquals(1, gl.lines().size());
        assertEquals(gl.opening().add(new BigDecimal("5000.00")), gl.closing());

        String console = executeCommand("ledger:trial-balance --from 2026-01-01 --to 2026-02-28");
        assertTrue(console, console.contains("57500.00") && console.contains("76100.00"));
    }

    @Test
    public void invalidEntriesAreRefusedWithTheirCodeAndWriteNothing() throws Exception {
        post("2025-06-01", "Opening cash", line("1100", "100", null), line("3100", null, "100"));
        ledger.createAccount(new dev.tessera.erp.ledger.api.NewAccount("5610", "Old supplies", 
                dev.tessera.erp.ledger.api.AccountType.EXPENSE, "5000", false), "itest");
        ledger.setActive("5610", false, "itest");
        ledger.closePeriod("2025-07", "itest");
        long entries = rows("LDG_ENTRY");
        long events = rows("TSR_EVENT");
        Object[][] cases = {
            {"ledger.unbalanced", request("2025-06-02", line("5300", "100.00", null), line("1100", null, "99.99"))},
            {"ledger.unknown-account", request("2025-06-02", line("9999", "1", null), line("1100", null, "1"))},
            {"ledger.account-not-postable", request("2025-06-02", line("1000", "1", null), line("1100", null, "1"))},
            {"ledger.account-inactive", request("2025-06-02", line("5610", "1", null), line("1100", null, "1"))},
            {"ledger.period-closed", request("2025-07-15", line("5300", "1", null), line("1100", null, "1"))},
            {"ledger.invalid-entry", request("2025-06-02", line("5300", "-1", null), line("1100", null, "-1"))},
            {"ledger.invalid-entry", request("2025-06-02", new PostingLine("5300", BigDecimal.ONE, BigDecimal.ONE,
                    null, null, null, null, null), line("1100", null, "1"))},
            {"ledger.invalid-entry", request("2025-06-02", line("5300", "1.001", null), line("1100", null, "1.001"))},
            {"ledger.invalid-entry", request("2025-06-02", line("5300", "1", null))},
            {"ledger.no-rate", request("2025-06-02", new PostingLine("1200", BigDecimal.TEN, null, "JPY", null, null,
                    null, null), line("4100", null, "1"))},
        };
        for (Object[] c : cases) {
            try {
                ledger.post((PostingRequest) c[1], "itest");
                fail("posted although " + c[0]);
            } catch (TesseraException e) {
                assertEquals(e.getMessage(), c[0], e.code());
            }
        }
        try {
            ledger.post(request("2025-06-02", line("5300", "100.00", null), line("1100", null, "99.99")), "itest");
            fail("an unbalanced entry was posted");
        } catch (TesseraException e) {
            assertTrue("says the difference: " + e.getMessage(), e.getMessage().contains("difference of 0.01"));
        }
        assertEquals("no entry written", entries, rows("LDG_ENTRY"));
        assertEquals("no event written", events, rows("TSR_EVENT"));

        ledger.lockPeriod("2025-07", "itest");
        try {
            ledger.reopenPeriod("2025-07", "itest");
            fail("a locked period reopened");
        } catch (TesseraException e) {
            assertEquals("ledger.period-locked", e.code());
        }

        // over REST the same refusals are problem documents naming the field
        HttpResponse<String> unknown = send(postJson("/ledger/journal-entries", FINANCE, "{\"date\":\"2025-06-03\","
                + "\"description\":\"x\",\"lines\":[{\"account\":\"9999\",\"debit\":\"1.00\"},{\"account\":\"1100\","
                + "\"credit\":\"1.00\"}]}"));
        assertEquals(unknown.body(), 400, unknown.statusCode());
        assertProblem(unknown, "ledger.unknown-account");
        assertTrue(unknown.body(), unknown.body().contains("\"field\":\"lines[0].account\""));
        assertEquals(entries, rows("LDG_ENTRY"));
    }

    @Test
    public void aReversalRestoresTheBalancesAndHappensOnce() {
        JournalEntry rent = post("2024-03-01", "March rent", line("5300", "1500", null), line("1100", null, "1500"));
        JournalEntry reversal = ledger.reverse(rent.id(), null, "booked twice", "itest");
        assertEquals(rent.id(), (long) reversal.reverses());
        assertEquals(new BigDecimal("1500.00"), reversal.lines().get(0).credit());
        assertEquals(reversal.id(), (long) ledger.entry(rent.id()).orElseThrow().reversedBy());
        TrialBalance march = ledger.trialBalance(LocalDate.parse("2024-03-01"), LocalDate.parse("2024-03-31"));
        assertTrue("balances back to zero: " + march.rows(), march.rows().isEmpty());
        try {
            ledger.reverse(rent.id(), null, null, "itest");
            fail("reversed twice");
        } catch (TesseraException e) {
            assertEquals("ledger.already-reversed", e.code());
        }
    }

    /**
     * A finance user cannot pre-empt another module's document: a manual posting names no source, a source's second
     * posting with other lines is refused with its code, and dates outside 1900 to 9999 are 400s, never 500s.
     */
    @Test
    public void aManualPostingCannotClaimAnotherModulesDocumentAndImpossibleDatesAreRefused() throws Exception {
        long entries = count("SELECT COUNT(*) FROM LDG_ENTRY");
        HttpResponse<String> claimed = send(postJson("/ledger/journal-entries", FINANCE, "{\"date\":\"2023-06-01\","
                + "\"description\":\"pre-empt\",\"sourceModule\":\"erp-sales\",\"sourceReference\":\"INV-2023-000006\","
                + "\"lines\":[{\"account\":\"1200\",\"debit\":\"0.01\"},{\"account\":\"4100\",\"credit\":\"0.01\"}]}"));
        assertEquals(claimed.body(), 400, claimed.statusCode());
        assertProblem(claimed, "ledger.source-reserved");
        for (String date : List.of("0000-01-01", "+10000-01-01", "1899-12-31", "10000-01-01")) {
            HttpResponse<String> impossible = send(postJson("/ledger/journal-entries", FINANCE, "{\"date\":\"" + date
                    + "\",\"description\":\"far away\",\"lines\":[{\"account\":\"1500\",\"debit\":\"1\"},"
                    + "{\"account\":\"2100\",\"credit\":\"1\"}]}"));
            assertEquals(date + " -> " + impossible.body(), 400, impossible.statusCode());
            assertTrue(impossible.body(), impossible.body().contains("\"code\":\"") && !impossible.body().contains("Exception"));
        }
        assertEquals("nothing written", entries, count("SELECT COUNT(*) FROM LDG_ENTRY"));

        PostingRequest invoice = new PostingRequest(LocalDate.parse("2023-05-06"), "Invoice INV-8", "erp-sales", "INV-8",
                List.of(line("1200", "119", null), line("4100", null, "100"), line("2200", null, "19")));
        ledger.post(invoice);
        try {
            ledger.post(new PostingRequest(invoice.date(), invoice.description(), "erp-sales", "INV-8",
                    List.of(line("1200", "0.01", null), line("4100", null, "0.01"))));
            fail("a second posting of one source document with other lines must be refused");
        } catch (TesseraException e) {
            assertEquals("ledger.source-conflict", e.code());
        }
    }

    @Test
    public void theSameSourceDocumentIsPostedOnce() {
        PostingRequest invoice = new PostingRequest(LocalDate.parse("2023-05-05"), "Invoice INV-7", "erp-sales", "INV-7",
                List.of(line("1200", "119", null), line("4100", null, "100"), line("2200", null, "19")));
        JournalEntry first = ledger.post(invoice);
        JournalEntry again = ledger.post(invoice);
        assertEquals(first.id(), again.id());
        assertEquals(first.number(), ledger.entryBySource("erp-sales", "INV-7").orElseThrow().number());
        assertEquals("system:erp-sales", first.postedBy());
    }

    @Test
    public void eightThreadsPostingConcurrentlyGetContiguousNumbersAndBalancedBooks() throws Exception {
        int threads = 8;
        int each = Integer.getInteger("tessera.itest.ledger.entries", 1000);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                for (int i = 0; i < each; i++) {
                    String amount = (thread + 1) + "." + String.format("%02d", i % 100);
                    ledger.post(request("2027-0" + (1 + i % 9) + "-1" + (thread % 9), line("1100", amount, null),
                            line("4100", null, amount)), "itest-" + thread);
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("LedgerIT: " + threads * each + " entries by " + threads + " threads in " + millis + " ms");
        try (Connection c = service(DataSource.class).getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*), MIN(ENTRY_NUMBER), MAX(ENTRY_NUMBER) FROM LDG_ENTRY"
                     + " WHERE ENTRY_NUMBER LIKE 'JE-2027-%'")) {
            r.next();
            assertEquals(threads * each, r.getInt(1));
            assertEquals("JE-2027-000001", r.getString(2));
            assertEquals(String.format("JE-2027-%06d", threads * each), r.getString(3));
        }
        TrialBalance year = ledger.trialBalance(LocalDate.parse("2027-01-01"), LocalDate.parse("2027-12-31"));
        assertEquals(year.totalDebit(), year.totalCredit());
        // the kept period balances equal the sum of the lines
        try (Connection c = service(DataSource.class).getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT b.ACCOUNT, b.PERIOD_ID, b.DEBIT, b.CREDIT,"
                     + " (SELECT COALESCE(SUM(l.DEBIT), 0) FROM LDG_LINE l JOIN LDG_ENTRY e ON e.ID = l.ENTRY_ID"
                     + "   WHERE l.ACCOUNT = b.ACCOUNT AND e.PERIOD_ID = b.PERIOD_ID),"
                     + " (SELECT COALESCE(SUM(l.CREDIT), 0) FROM LDG_LINE l JOIN LDG_ENTRY e ON e.ID = l.ENTRY_ID"
                     + "   WHERE l.ACCOUNT = b.ACCOUNT AND e.PERIOD_ID = b.PERIOD_ID)"
                     + " FROM LDG_BALANCE b WHERE b.PERIOD_ID LIKE '2027-%'")) {
            int checked = 0;
            while (r.next()) {
                assertEquals(r.getString(1) + " " + r.getString(2), 0, r.getBigDecimal(3).compareTo(r.getBigDecimal(5)));
                assertEquals(r.getString(1) + " " + r.getString(2), 0, r.getBigDecimal(4).compareTo(r.getBigDecimal(6)));
                checked++;
            }
            assertTrue(checked > 0);
        }
        assertTrue(ledger.verify().intact());
    }

    @Test
    public void anEntryAlteredWithRawSqlIsFoundByVerify() throws Exception {
        JournalEntry honest = post("2022-02-02", "Honest entry", line("5600", "80", null), line("1100", null, "80"));
        assertTrue(executeCommand("ledger:verify"), executeCommand("ledger:verify").contains("Intact"));
        try (Connection c = service(DataSource.class).getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE LDG_LINE SET DEBIT = 8 WHERE ENTRY_ID = " + honest.id() + " AND LINE_NO = 1");
            String refused = executeFailingCommand("ledger:verify");
            assertTrue(refused, refused.contains(honest.number()) && refused.contains("changed out of band"));
            assertFalse(ledger.verify().intact());
            s.executeUpdate("UPDATE LDG_LINE SET DEBIT = 80 WHERE ENTRY_ID = " + honest.id() + " AND LINE_NO = 1");
        }
        assertTrue("restored, intact again", ledger.verify().intact());
    }

    /** The key's answer is stored with the entry in one transaction, on each database (PostgreSQL stores bytes as bytea). */
    @Test
    public void aPostingSentAgainWithItsIdempotencyKeyIsReplayedWithItsFirstAnswerNotPostedTwice() throws Exception {
        String body = "{\"date\":\"2018-02-02\",\"description\":\"Keyed posting\",\"lines\":["
                + "{\"account\":\"1500\",\"debit\":\"12.00\"},{\"account\":\"2100\",\"credit\":\"12.00\"}]}";
        String key = java.util.UUID.randomUUID().toString();
        HttpRequest keyed = request("/ledger/journal-entries", FINANCE).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> first = await(keyed);
        assertEquals(first.body(), 201, first.statusCode());
        HttpResponse<String> again = send(keyed);
        assertEquals(again.body(), 201, again.statusCode());
        assertEquals("true", again.headers().firstValue("Idempotent-Replayed").orElse(""));
        assertEquals(first.body(), again.body());
        assertEquals(first.headers().firstValue("Location"), again.headers().firstValue("Location"));
        assertEquals(1L, count("SELECT COUNT(*) FROM LDG_ENTRY WHERE DESCRIPTION = 'Keyed posting'"));
    }

    @Test
    public void restPostsWithDecimalStringsAndRolesGuardIt() throws Exception {
        String body = "{\"date\":\"2021-04-01\",\"description\":\"Office chairs\",\"lines\":["
                + "{\"account\":\"1500\",\"debit\":\"349.90\"},{\"account\":\"2100\",\"credit\":\"349.90\"}]}";
        HttpResponse<String> created = await(postJson("/ledger/journal-entries", FINANCE, body));
        assertEquals(created.body(), 201, created.statusCode());
        assertTrue(created.body(), created.body().contains("\"number\":\"JE-2021-000001\"")
                && created.body().contains("\"debit\":349.90") && created.body().contains("\"postedBy\":\"itest-finance\""));
        assertEquals(403, send(postJson("/ledger/journal-entries", VIEWER, body)).statusCode());
        HttpResponse<String> tb = send(get("/ledger/trial-balance?from=2021-01-01&to=2021-04-30", VIEWER));
        assertEquals(tb.body(), 200, tb.statusCode());
        assertTrue(tb.body(), tb.body().contains("\"totalDebit\":349.90") && tb.body().contains("\"account\":\"2100\""));
        HttpResponse<String> unbalanced = send(postJson("/ledger/journal-entries", FINANCE, body.replace("\"credit\":\"349.90\"",
                "\"credit\":\"349.00\"")));
        assertEquals(400, unbalanced.statusCode());
        assertProblem(unbalanced, "ledger.unbalanced");
        assertTrue(send(get("/openapi.json", null)).body().contains("\"/ledger/journal-entries\""));
        HttpResponse<String> deactivated = send(post("/ledger/accounts/5500/deactivate", FINANCE));
        assertTrue(deactivated.body(), deactivated.body().contains("\"active\":false"));
        assertTrue(send(post("/ledger/accounts/5500/activate", FINANCE)).body().contains("\"active\":true"));
        // an optional field left out takes its default; the change is audited with the real user, not "system"
        HttpResponse<String> noHeader = send(postJson("/ledger/accounts", FINANCE,
                "{\"code\":\"6990\",\"name\":\"Sundry expenses\",\"type\":\"EXPENSE\"}"));
        assertEquals(noHeader.body(), 201, noHeader.statusCode());
        assertTrue(noHeader.body(), noHeader.body().contains("\"header\":false"));
        awaitBody(get("/platform/events?type=ledger.ledger-account.created&limit=1000", VIEWER),
                "\"recordId\":\"6990\"");
        String created6990 = send(get("/platform/events?type=ledger.ledger-account.created&limit=1000", VIEWER)).body();
        String event6990 = created6990.substring(created6990.indexOf("\"recordId\":\"6990\""));
        assertTrue(event6990, event6990.substring(0, event6990.indexOf("\"payload\"")).contains("\"actor\":\"itest-finance\""));
        assertNotNull(ledger.entryByNumber("JE-2021-000001").orElse(null));
    }

    @Test
    public void aYearEndCloseMovesTheResultToRetainedEarningsOnceAndKeepsTheYearsProfitAndLoss() {
        LocalDate start = LocalDate.parse("2020-01-01");
        LocalDate end = LocalDate.parse("2020-12-31");
        BigDecimal retainedBefore = retained(ledger.balanceSheet(end));
        post("2020-03-01", "Consulting", line("1100", "1000", null), line("4200", null, "1000"));
        post("2020-04-01", "Supplies", line("5600", "300", null), line("1100", null, "300"));
        JournalEntry closing = ledger.closeYear(2020, "itest").orElseThrow();
        assertEquals("JE-2020-000003", closing.number());
        assertEquals(end, closing.date());
        assertEquals(closing.id(), ledger.closeYear(2020, "itest").orElseThrow().id());
        assertEquals(new BigDecimal("700.00"), ledger.profitAndLoss(start, end).netIncome());
        BalanceSheet after = ledger.balanceSheet(end);
        assertEquals(new BigDecimal("700.00"), retained(after).subtract(retainedBefore));
        assertEquals(0, after.currentEarnings().signum());
        assertTrue(after.balanced());
        assertTrue(ledger.periods(2020).stream().allMatch(p -> p.state() == dev.tessera.erp.ledger.api.PeriodState.CLOSED));
        try {
            post("2020-06-01", "Late", line("5600", "1", null), line("1100", null, "1"));
            fail("posted into a closed year");
        } catch (TesseraException e) {
            assertEquals("ledger.period-closed", e.code());
        }
    }

    @Test
    public void taxIsCalculatedByOneEngineAndTheChartImportsAllOrNothing() throws Exception {
        HttpResponse<String> taxed = await(postJson("/ledger/tax-calculations", VIEWER, "{\"lines\":["
                + "{\"amount\":\"10.05\",\"taxCode\":\"VAT19\"},{\"amount\":\"100.00\",\"taxCode\":\"VAT7\"}]}"));
        assertEquals(taxed.body(), 200, taxed.statusCode());
        assertTrue(taxed.body(), taxed.body().contains("\"tax\":8.91") && taxed.body().contains("\"gross\":118.96"));
        HttpResponse<String> unknown = send(postJson("/ledger/tax-calculations", VIEWER,
                "{\"lines\":[{\"amount\":\"1\",\"taxCode\":\"NOPE\"}]}"));
        assertProblem(unknown, "ledger.unknown-tax-code");

        int before = ledger.accounts().size();
        String bad = "code,name,type,parent,header\n7000,Other costs,expense,,yes\n7010,Fees,expense,7000\n7020,Bad,cost,7000\n";
        HttpResponse<String> refused = send(request("/ledger/accounts/import", FINANCE).header("Content-Type", "text/csv")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(bad)).build());
        assertEquals(refused.body(), 400, refused.statusCode());
        assertProblem(refused, "ledger.invalid-import");
        assertTrue(refused.body(), refused.body().contains("\"field\":\"rows[3].type\""));
        assertEquals("nothing imported", before, ledger.accounts().size());
        HttpResponse<String> imported = send(request("/ledger/accounts/import", FINANCE).header("Content-Type", "text/csv")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(bad.replace("cost,7000", "expense,7000"))).build());
        assertEquals(imported.body(), 200, imported.statusCode());
        assertEquals("{\"imported\":3}", imported.body());
        assertEquals(before + 3, ledger.accounts().size());
        post("2019-05-05", "Bank fee", line("7010", "12.50", null), line("1100", null, "12.50"));
    }

    @Test
    public void hostileInputOnEveryLedgerWriteEndpointIsRefusedAndWritesNothing() throws Exception {
        long entries = rows("LDG_ENTRY");
        long accounts = rows("LDG_ACCOUNT");
        long events = rows("TSR_EVENT");
        await(get("/ledger/accounts", FINANCE));
        assertHostileInputRefused(List.of("/ledger/accounts", "/ledger/journal-entries", "/ledger/journal-entries/999999999/reversal",
                "/ledger/rates", "/ledger/tax-codes", "/ledger/tax-calculations"), FINANCE);
        assertEquals(entries, rows("LDG_ENTRY"));
        assertEquals(accounts, rows("LDG_ACCOUNT"));
        assertEquals(events, rows("TSR_EVENT"));
    }

    // ------------------------------------------------------------------ helpers

    private JournalEntry post(String date, String description, PostingLine... lines) {
        return ledger.post(new PostingRequest(LocalDate.parse(date), description, null, null, List.of(lines)), "itest");
    }

    private static PostingRequest request(String date, PostingLine... lines) {
        return new PostingRequest(LocalDate.parse(date), "test entry", null, null, List.of(lines));
    }

    private static PostingLine line(String account, String debit, String credit) {
        return new PostingLine(account, debit == null ? null : new BigDecimal(debit),
                credit == null ? null : new BigDecimal(credit), null, null, null, null, null);
    }

    /** Each account's net balance (debit positive) as text. */
    private static Map<String, String> net(TrialBalance tb) {
        Map<String, String> net = new TreeMap<>();
        for (BalanceRow row : tb.rows()) {
            net.put(row.account(), row.debit().subtract(row.credit()).toPlainString());
        }
        return net;
    }

    private static BigDecimal retained(BalanceSheet sheet) {
        return sheet.equity().stream().filter(l -> l.account().equals("3200")).map(StatementLine::amount)
                .findFirst().orElse(BigDecimal.ZERO.setScale(2));
    }

    private static BigDecimal amount(List<StatementLine> lines, String account) {
        return lines.stream().filter(l -> l.account().equals(account)).findFirst().orElseThrow().amount();
    }

    private long rows(String table) throws Exception {
        try (Connection c = service(DataSource.class).getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            r.next();
            return r.getLong(1);
        }
    }
}
