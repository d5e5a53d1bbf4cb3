package dev.tessera.erp.ledger.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tessera.erp.ledger.api.Account;
import dev.tessera.erp.ledger.api.ChainVerification;
import dev.tessera.erp.ledger.api.FiscalPeriod;
import dev.tessera.erp.ledger.api.JournalEntry;
import dev.tessera.erp.ledger.api.JournalLine;
import dev.tessera.erp.ledger.api.LedgerErrors;
import dev.tessera.erp.ledger.api.LedgerException;
import dev.tessera.erp.ledger.api.PeriodState;
import dev.tessera.erp.ledger.api.PostingLine;
import dev.tessera.erp.ledger.api.PostingRequest;
import dev.tessera.platform.api.ErrorCode;
import dev.tessera.platform.api.FieldError;
import dev.tessera.platform.api.ValidationException;
import dev.tessera.platform.api.persistence.NumberSeries;
import dev.tessera.platform.support.Sql;

/**
 * The journal on LDG_ENTRY and LDG_LINE: immutable, hash-chained entries. Every write first locks the one row where
 * the chain ends ({@code LDG_CHAIN}), so postings chain one after another and periods and balance rows are created
 * once. Posting updates the per-period balance rows the reports read.
 */
final class Journal {
    private static final Logger LOG = LoggerFactory.getLogger(Journal.class);
    static final String ENTRY = "ID, ENTRY_NUMBER, ENTRY_DATE, DESCRIPTION, SOURCE_MODULE, SOURCE_REF, REVERSES,"
            + " POSTED_BY, POSTED_AT, CURRENCY, TOTAL, CHAIN_SEQ, PREV_HASH, HASH";
    private static final String LINE = "ENTRY_ID, LINE_NO, ACCOUNT, DEBIT, CREDIT, CURRENCY, FOREIGN_AMOUNT, RATE,"
            + " DEPARTMENT, PROJECT, MEMO";

    private final Books books;
    private final Periods periods;
    private final NumberSeries numbers;
    private final LedgerPublisher events;

    Journal(Books books, Periods periods, NumberSeries numbers, LedgerPublisher events) {
        this.books = books;
        this.periods = periods;
        this.numbers = numbers;
        this.events = events;
    }

    /** Where the hash chain ends, locked until the transaction ends. */
    record Chain(long lastSeq, String lastHash) {
    }

    static Chain lockChain(Connection db) {
        Sql.execute(db, "UPDATE LDG_CHAIN SET LAST_SEQ = LAST_SEQ WHERE ID = 1");
        Object[] row = Sql.row(db, "SELECT LAST_SEQ, LAST_HASH FROM LDG_CHAIN WHERE ID = 1");
        return new Chain(Sql.longValue(row[0]), Sql.text(row[1]));
    }

    // ================================================================ posting

    JournalEntry post(Connection db, PostingRequest request, String actor) {
        List<FieldError> shape = Posting.check(request, books.base());
        if (!shape.isEmpty()) {
            throw new ValidationException(LedgerErrors.INVALID_ENTRY, "The journal entry is not valid: "
                    + Books.describe(shape), shape);
        }
        Chain chain = lockChain(db);
        List<JournalLine> lines = lines(db, request);
        if (request.sourceModule() != null) {
            Optional<JournalEntry> existing = bySource(db, request.sourceModule(), request.sourceReference());
            if (existing.isPresent()) {
                if (!sameBooking(existing.get(), request.date(), lines)) {
                    throw new LedgerException(LedgerErrors.SOURCE_CONFLICT, "Entry " + existing.get().number()
                            + " already books " + request.sourceModule() + " " + request.sourceReference()
                            + " with other lines or another date; a document is booked once: reverse that entry"
                            + " first if its booking must change");
                }
                LOG.debug("Entry {} already records {} {}", existing.get().number(), request.sourceModule(),
                        request.sourceReference());
                return existing.get();
            }
        }
        return write(db, chain, request.date(), request.description(), request.sourceModule(),
                request.sourceReference(), null, false, lines, actor);
    }

    /** The same booking: date and every line's account and amounts, in order. */
    private static boolean sameBooking(JournalEntry entry, LocalDate date, List<JournalLine> lines) {
        if (!entry.date().equals(date) || entry.lines().size() != lines.size()) {
            return false;
        }
        for (int i = 0; i < lines.size(); i++) {
            JournalLine a = entry.lines().get(i);
            JournalLine b = lines.get(i);
            if (!a.account().equals(b.account()) || a.debit().compareTo(b.debit()) != 0
                    || a.credit().compareTo(b.credit()) != 0 || !Objects.equals(a.currency(), b.currency())) {
                return false;
            }
        }
        return true;
    }

    JournalEntry reverse(Connection db, long entryId, LocalDate date, String reason, String actor) {
        if (reason != null && reason.length() > 300) {
            throw new ValidationException(LedgerErrors.INVALID_ENTRY, "The reason is too long",
                    List.of(new FieldError("reason", "is longer than 300 characters")));
        }
        Chain chain = lockChain(db);
        JournalEntry posted = entry(db, entryId).orElseThrow(() -> new LedgerException(LedgerErrors.ENTRY_NOT_FOUND,
                "No journal entry " + entryId));
        if (posted.reversedBy() != null) {
            throw new LedgerException(LedgerErrors.ALREADY_REVERSED, "Entry " + posted.number()
                    + " is reversed already, by " + entry(db, posted.reversedBy()).map(JournalEntry::number).orElse("?"));
        }
        List<JournalLine> mirrored = new ArrayList<>();
        for (JournalLine line : posted.lines()) {
            mirrored.add(new JournalLine(line.line(), line.account(), line.credit(), line.debit(), line.currency(),
                    line.foreignAmount(), line.rate(), line.department(), line.project(), line.memo()));
        }
        String description = "Reversal of " + posted.number() + (reason == null || reason.isBlank() ? ""
                : ": " + reason.trim());
        JournalEntry result = write(db, chain, date == null ? posted.date() : date, description, null, null,
                entryId, false, mirrored, actor);
        events.entryReversed(db, posted, result, actor);
        return result;
    }

    /** Resolves accounts and currencies of a request into base-currency lines; refuses what the books cannot take. */
    private List<JournalLine> lines(Connection db, PostingRequest request) {
        List<FieldError> errors = new ArrayList<>();
        ErrorCode first = null;
        List<JournalLine> lines = new ArrayList<>();
        Map<String, Optional<Account>> accounts = new HashMap<>();
        int scale = books.scale();
        for (int i = 0; i < request.lines().size(); i++) {
            PostingLine line = request.lines().get(i);
            String at = "lines[" + i + "].";
            String code = line.account().trim();
            Optional<Account> found = accounts.computeIfAbsent(code, c -> Chart.find(db, c));
            if (found.isEmpty()) {
                errors.add(new FieldError(at + "account", "'" + code + "' is not an account of the chart"));
                first = first == null ? LedgerErrors.UNKNOWN_ACCOUNT : first;
                continue;
            }
            Account account = found.get();
            if (account.header()) {
                errors.add(new FieldError(at + "account", code + " is a header account; post to one of its accounts"));
                first = first == null ? LedgerErrors.ACCOUNT_NOT_POSTABLE : first;
                continue;
            }
            if (!account.active()) {
                errors.add(new FieldError(at + "account", code + " is inactive"));
                first = first == null ? LedgerErrors.ACCOUNT_INACTIVE : first;
                continue;
            }
            BigDecimal debit = line.debit() == null ? BigDecimal.ZERO : line.debit();
            BigDecimal credit = line.credit() == null ? BigDecimal.ZERO : line.credit();
            boolean foreign = line.currency() != null && !line.currency().equals(books.currency());
            if (!foreign) {
                lines.add(new JournalLine(i + 1, code, debit.setScale(scale), credit.setScale(scale), null, null, null,
                        line.department(), line.project(), line.memo()));
                continue;
            }
            BigDecimal rate = line.rate() != null ? line.rate() : Rates.rateOn(db, line.currency(), request.date());
            if (rate == null) {
                errors.add(new FieldError(at + "rate", "no " + line.currency() + " rate on or before " + request.date()
                        + "; send the rate with the line or record one (ledger:rate)"));
                first = first == null ? LedgerErrors.NO_RATE : first;
                continue;
            }
            BigDecimal amount = debit.signum() > 0 ? debit : credit;
            BigDecimal converted = Posting.toBase(amount, rate, books.base());
            lines.add(new JournalLine(i + 1, code, debit.signum() > 0 ? converted : books.zero(),
                    credit.signum() > 0 ? converted : books.zero(), line.currency(), amount.stripTrailingZeros(),
                    rate.stripTrailingZeros(), line.department(), line.project(), line.memo()));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(first, "The journal entry cannot be posted: " + Books.describe(errors), errors);
        }
        return lines;
    }

    /** Writes a checked entry: period, balance, number, hash, balances, event. */
    JournalEntry write(Connection db, Chain chain, LocalDate date, String description, String sourceModule,
                       String sourceReference, Long reverses, boolean closing, List<JournalLine> lines, String actor) {
        FiscalPeriod period = periods.of(db, date);
        if (period.state() == PeriodState.CLOSED) {
            throw new LedgerException(LedgerErrors.PERIOD_CLOSED, "Period " + period.id() + " is closed and takes no"
                    + " postings; date the entry in an open period, or reopen " + period.id() + " (ledger:reopen-period)");
        }
        if (period.state() == PeriodState.LOCKED) {
            throw new LedgerException(LedgerErrors.PERIOD_LOCKED, "Period " + period.id() + " is locked and never"
                    + " takes postings again; date the entry in an open period");
        }
        BigDecimal debits = lines.stream().map(JournalLine::debit).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal credits = lines.stream().map(JournalLine::credit).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (debits.compareTo(credits) != 0) {
            throw new LedgerException(LedgerErrors.UNBALANCED, "The entry does not balance: debits " + debits
                    + ", credits " + credits + " " + books.currency() + ", a difference of "
                    + debits.subtract(credits).abs() + "; debits and credits must be equal in " + books.currency());
        }
        String series = "JE-" + period.fiscalYear();
        String number = NumberSeries.format(series, numbers.next(db, series));
        Instant postedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        JournalEntry draft = new JournalEntry(0, number, date, description.trim(), sourceModule, sourceReference,
                reverses, null, actor, postedAt, books.currency(), debits.setScale(books.scale()), lines, null);
        String hash = EntryHash.of(chain.lastHash(), draft);
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("ENTRY_NUMBER", number);
        row.put("ENTRY_DATE", date);
        row.put("PERIOD_ID", period.id());
        row.put("DESCRIPTION", draft.description());
        row.put("SOURCE_MODULE", sourceModule);
        row.put("SOURCE_REF", sourceReference);
        row.put("REVERSES", reverses);
        row.put("CLOSING", closing);
        row.put("POSTED_BY", actor);
        row.put("POSTED_AT", LocalDateTime.ofInstant(postedAt, ZoneOffset.UTC));
        row.put("CURRENCY", books.currency());
        row.put("TOTAL", debits);
        row.put("CHAIN_SEQ", chain.lastSeq() + 1);
        row.put("PREV_HASH", chain.lastHash());
        row.put("HASH", hash);
        long id = Sql.insertReturningId(db, "LDG_ENTRY", row);
        List<Object[]> lineRows = new ArrayList<>();
        for (JournalLine line : lines) {
            lineRows.add(new Object[] {id, line.line(), line.account(), line.debit(), line.credit(), line.currency(),
                line.foreignAmount(), line.rate(), line.department(), line.project(), line.memo()});
        }
        Sql.batch(db, "INSERT INTO LDG_LINE (" + LINE + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", lineRows);
        Sql.execute(db, "UPDATE LDG_CHAIN SET LAST_SEQ = ?, LAST_HASH = ? WHERE ID = 1", chain.lastSeq() + 1, hash);
        Map<String, BigDecimal[]> byAccount = new TreeMap<>();
        for (JournalLine line : lines) {
            BigDecimal[] sums = byAccount.computeIfAbsent(line.account(), a -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            sums[0] = sums[0].add(line.debit());
            sums[1] = sums[1].add(line.credit());
        }
        for (Map.Entry<String, BigDecimal[]> sums : byAccount.entrySet()) {
            int updated = Sql.execute(db, "UPDATE LDG_BALANCE SET DEBIT = DEBIT + ?, CREDIT = CREDIT + ?"
                    + " WHERE ACCOUNT = ? AND PERIOD_ID = ?", sums.getValue()[0], sums.getValue()[1], sums.getKey(),
                    period.id());
            if (updated == 0) {
                Sql.execute(db, "INSERT INTO LDG_BALANCE (ACCOUNT, PERIOD_ID, DEBIT, CREDIT) VALUES (?, ?, ?, ?)",
                        sums.getKey(), period.id(), sums.getValue()[0], sums.getValue()[1]);
            }
        }
        JournalEntry posted = new JournalEntry(id, number, date, draft.description(), sourceModule, sourceReference,
                reverses, null, actor, postedAt, books.currency(), draft.total(), lines, hash);
        events.entryPosted(db, posted, actor);
        return posted;
    }

    // ================================================================ reading

    Optional<JournalEntry> entry(Connection db, long id) {
        return entries(db, "e.ID = ?", new Object[] {id}, 1).stream().findFirst();
    }

    Optional<JournalEntry> byNumber(Connection db, String number) {
        return entries(db, "e.ENTRY_NUMBER = ?", new Object[] {number}, 1).stream().findFirst();
    }

    Optional<JournalEntry> bySource(Connection db, String module, String reference) {
        return entries(db, "e.SOURCE_MODULE = ? AND e.SOURCE_REF = ?", new Object[] {module, reference}, 1).stream()
                .findFirst();
    }

    List<JournalEntry> page(Connection db, long afterId, int limit) {
        return entries(db, "e.ID > ?", new Object[] {afterId}, limit);
    }

    /** Entries matching a condition on {@code e} (LDG_ENTRY), by id, with their lines and reversal links. */
    private List<JournalEntry> entries(Connection db, String where, Object[] args, int limit) {
        List<Object[]> heads = Sql.rows(db, limit, "SELECT " + ENTRY.replaceAll("(\\w+)", "e.$1") + ", r.ID"
                + " FROM LDG_ENTRY e LEFT JOIN LDG_ENTRY r ON r.REVERSES = e.ID WHERE " + where + " ORDER BY e.ID", args);
        if (heads.isEmpty()) {
            return List.of();
        }
        long first = Sql.longValue(heads.get(0)[0]);
        long last = Sql.longValue(heads.get(heads.size() - 1)[0]);
        Map<Long, List<JournalLine>> lines = new HashMap<>();
        for (Object[] r : Sql.rows(db, "SELECT " + LINE + " FROM LDG_LINE WHERE ENTRY_ID >= ? AND ENTRY_ID <= ?"
                + " ORDER BY ENTRY_ID, LINE_NO", first, last)) {
            lines.computeIfAbsent(Sql.longValue(r[0]), k -> new ArrayList<>()).add(line(r));
        }
        List<JournalEntry> result = new ArrayList<>();
        for (Object[] h : heads) {
            long id = Sql.longValue(h[0]);
            result.add(new JournalEntry(id, Sql.text(h[1]), Sql.date(h[2]), (String) h[3], Sql.text(h[4]),
                    (String) h[5], Sql.longOrNull(h[6]), Sql.longOrNull(h[14]), (String) h[7], postedAt(h[8]),
                    Sql.text(h[9]), ((BigDecimal) h[10]).setScale(books.scale()), lines.getOrDefault(id, List.of()),
                    Sql.text(h[13])));
        }
        return result;
    }

    private JournalLine line(Object[] r) {
        return new JournalLine(Sql.intValue(r[1]), Sql.text(r[2]), ((BigDecimal) r[3]).setScale(books.scale()),
                ((BigDecimal) r[4]).setScale(books.scale()), Sql.text(r[5]),
                r[6] == null ? null : ((BigDecimal) r[6]).stripTrailingZeros(),
                r[7] == null ? null : ((BigDecimal) r[7]).stripTrailingZeros(), (String) r[8], (String) r[9],
                (String) r[10]);
    }

    /** POSTED_AT holds the UTC wall time, to the millisecond, as it was hashed. */
    private static Instant postedAt(Object value) {
        return ((Timestamp) value).toLocalDateTime().toInstant(ZoneOffset.UTC);
    }

    // ================================================================ the chain

    ChainVerification verify(Connection db) {
        String previous = EntryHash.GENESIS;
        int checked = 0;
        long after = 0;
        while (true) {
            List<Object[]> batch = Sql.rows(db, 500, "SELECT ID, CHAIN_SEQ, PREV_HASH, HASH FROM LDG_ENTRY"
                    + " WHERE CHAIN_SEQ > ? ORDER BY CHAIN_SEQ", after);
            if (batch.isEmpty()) {
                return new ChainVerification(checked, true, null, checked + " entries, every hash matches");
            }
            Map<Long, JournalEntry> entries = new HashMap<>();
            long low = batch.stream().mapToLong(r -> Sql.longValue(r[0])).min().orElseThrow();
            long high = batch.stream().mapToLong(r -> Sql.longValue(r[0])).max().orElseThrow();
            for (JournalEntry e : entries(db, "e.ID >= ? AND e.ID <= ?", new Object[] {low, high}, Integer.MAX_VALUE)) {
                entries.put(e.id(), e);
            }
            for (Object[] r : batch) {
                JournalEntry entry = entries.get(Sql.longValue(r[0]));
                if (!Sql.text(r[2]).equals(previous)) {
                    return new ChainVerification(checked, false, entry.number(), "Entry " + entry.number()
                            + " does not follow the entry before it in the chain: an entry was removed or"
                            + " inserted out of band before it");
                }
                String recomputed = EntryHash.of(previous, entry);
                if (!recomputed.equals(Sql.text(r[3]))) {
                    return new ChainVerification(checked, false, entry.number(), "Entry " + entry.number()
                            + " was changed out of band: its content no longer matches the hash it was posted with");
                }
                previous = Sql.text(r[3]);
                after = Sql.longValue(r[1]);
                checked++;
            }
        }
    }
}
