package dev.tessera.erp.ledger.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.tessera.erp.ledger.api.JournalEntry;
import dev.tessera.erp.ledger.api.JournalLine;
import dev.tessera.erp.ledger.api.PostingLine;
import dev.tessera.erp.ledger.api.PostingRequest;
import dev.tessera.platform.api.FieldError;

class PostingTest {
    private static final Currency EUR = Currency.getInstance("EUR");

    private static List<String> fields(PostingRequest request) {
        return Posting.check(request, EUR).stream().map(FieldError::field).toList();
    }

    private static PostingLine line(String account, String debit, String credit) {
        return new PostingLine(account, debit == null ? null : new BigDecimal(debit),
                credit == null ? null : new BigDecimal(credit), null, null, null, null, null);
    }

    @Test
    void aBalancedTwoLineEntryHasNoProblems() {
        assertEquals(List.of(), fields(new PostingRequest(LocalDate.now(), "Rent", null, null,
                List.of(line("5300", "10.50", null), line("1100", null, "10.50")))));
    }

    @Test
    void everyWrongFieldIsNamedAtOnce() {
        List<String> wrong = fields(new PostingRequest(null, " ", "erp-sales", null, List.of(
                line("", "1", null), line("1100", "-1", null), line("1100", "1", "1"), line("1100", "0", "0"),
                line("1100", "1.001", null), new PostingLine("1200", BigDecimal.ONE, null, "XYZ", null, null, null, null),
                new PostingLine("1200", BigDecimal.ONE, null, "USD", BigDecimal.ZERO, null, null, null))));
        assertEquals(List.of("date", "description", "sourceReference", "lines[0].account", "lines[1].debit",
                "lines[2].credit", "lines[3].debit", "lines[4].debit", "lines[5].currency", "lines[6].rate"), wrong);
    }

    @Test
    void anEntryNeedsTwoLines() {
        assertEquals(List.of("lines"), fields(new PostingRequest(LocalDate.now(), "x", null, null,
                List.of(line("1100", "1", null)))));
    }

    @Test
    void foreignAmountsRoundHalfUpToTheBaseMinorUnit() {
        assertEquals(new BigDecimal("0.91"), Posting.toBase(new BigDecimal("1.01"), new BigDecimal("0.9"), EUR));
        assertEquals(new BigDecimal("1.13"), Posting.toBase(new BigDecimal("1.25"), new BigDecimal("0.9"), EUR));
    }

    @Test
    void theHashCoversEveryFieldAndTheEntryBefore() {
        JournalEntry entry = new JournalEntry(1, "JE-2026-000001", LocalDate.parse("2026-01-02"), "Rent", null, null,
                null, null, "alice", Instant.parse("2026-01-02T10:00:00Z"), "EUR", new BigDecimal("10.00"),
                List.of(new JournalLine(1, "5300", new BigDecimal("10.00"), BigDecimal.ZERO, null, null, null, null, null, null),
                        new JournalLine(2, "1100", BigDecimal.ZERO, new BigDecimal("10.00"), null, null, null, null, null, null)),
                null);
        String hash = EntryHash.of(EntryHash.GENESIS, entry);
        assertEquals(64, hash.length());
        JournalEntry rescaled = new JournalEntry(7, entry.number(), entry.date(), entry.description(), null, null, null,
                99L, "alice", entry.postedAt(), "EUR", new BigDecimal("10.0000"), List.of(
                new JournalLine(1, "5300", new BigDecimal("10.0000"), new BigDecimal("0.0000"), null, null, null, null, null, null),
                new JournalLine(2, "1100", new BigDecimal("0.0000"), new BigDecimal("10.0000"), null, null, null, null, null, null)),
                "ignored");
        assertEquals(hash, EntryHash.of(EntryHash.GENESIS, rescaled), "scale, id and reversal link are not content");
        JournalEntry altered = new JournalEntry(1, entry.number(), entry.date(), "Rent!", null, null, null, null,
                "alice", entry.postedAt(), "EUR", entry.total(), entry.lines(), null);
        assertNotEquals(hash, EntryHash.of(EntryHash.GENESIS, altered));
        assertNotEquals(hash, EntryHash.of("1".repeat(64), entry));
    }

    @Test
    void fiscalYearsStartInTheConfiguredMonth() {
        FiscalCalendar april = new FiscalCalendar(4);
        assertEquals(2025, april.fiscalYear(LocalDate.parse("2026-03-31")));
        assertEquals(2026, april.fiscalYear(LocalDate.parse("2026-04-01")));
        assertEquals("2027-03", april.months(2026).get(11).toString());
        assertTrue(new FiscalCalendar(1).months(2026).get(0).toString().equals("2026-01"));
    }
}
