package dev.tessera.erp.ledger.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tessera.erp.ledger.api.Account;
import dev.tessera.erp.ledger.api.AccountType;
import dev.tessera.erp.ledger.api.FiscalPeriod;
import dev.tessera.erp.ledger.api.JournalEntry;
import dev.tessera.erp.ledger.api.JournalLine;
import dev.tessera.erp.ledger.api.LedgerErrors;
import dev.tessera.erp.ledger.api.LedgerException;
import dev.tessera.erp.ledger.api.PeriodState;

/**
 * The year-end close: one closing entry (source {@code erp-ledger year-end-<year>}, dated the year's last day) that
 * empties every revenue and expense account of the year into retained earnings, then every open period of the year
 * closed. Closing again finds that entry and posts nothing.
 */
final class YearEnd {
    private static final Logger LOG = LoggerFactory.getLogger(YearEnd.class);

    private final Books books;
    private final Periods periods;
    private final Journal journal;
    private final Reports reports;

    YearEnd(Books books, Periods periods, Journal journal, Reports reports) {
        this.books = books;
        this.periods = periods;
        this.journal = journal;
        this.reports = reports;
    }

    Optional<JournalEntry> close(Connection db, int fiscalYear, String actor) {
        Periods.requireYear(fiscalYear);
        Journal.Chain chain = Journal.lockChain(db);
        List<FiscalPeriod> year = periods.year(db, fiscalYear);
        String reference = "year-end-" + fiscalYear;
        JournalEntry closing = journal.bySource(db, LedgerServiceImpl.MODULE, reference).orElse(null);
        if (closing == null) {
            FiscalPeriod first = year.get(0);
            FiscalPeriod last = year.get(year.size() - 1);
            Map<String, BigDecimal[]> sums = reports.movements(db, first.start(), last.end());
            Map<String, Account> accounts = Chart.byCode(db);
            List<JournalLine> lines = new ArrayList<>();
            BigDecimal result = books.zero();
            for (Map.Entry<String, BigDecimal[]> sum : new TreeMap<>(sums).entrySet()) {
                Account account = accounts.get(sum.getKey());
                BigDecimal net = sum.getValue()[0].subtract(sum.getValue()[1]).setScale(books.scale());
                if (account == null || account.type().balanceSheet() || net.signum() == 0) {
                    continue;
                }
                // empty the account: credit a debit balance, debit a credit balance
                lines.add(new JournalLine(lines.size() + 1, sum.getKey(), net.signum() < 0 ? net.negate() : books.zero(),
                        net.signum() > 0 ? net : books.zero(), null, null, null, null, null, null));
                result = result.add(net.negate());
            }
            if (!lines.isEmpty()) {
                if (result.signum() != 0) {
                    lines.add(new JournalLine(lines.size() + 1, books.retainedEarnings(), result.signum() < 0
                            ? result.negate() : books.zero(), result.signum() > 0 ? result : books.zero(), null, null,
                            null, null, null, "Result of fiscal year " + fiscalYear));
                }
                Account target = accounts.get(books.retainedEarnings());
                if (target == null || target.header() || target.type() != AccountType.EQUITY) {
                    throw new LedgerException(LedgerErrors.INVALID_ACCOUNT, "The retained earnings account "
                            + books.retainedEarnings() + " (etc/" + LedgerServiceImpl.PID + ".cfg, retainedEarningsAccount)"
                            + " must be a postable equity account of the chart");
                }
                closing = journal.write(db, chain, last.end(), "Year-end close of fiscal year " + fiscalYear,
                        LedgerServiceImpl.MODULE, reference, null, true, lines, actor);
            }
        }
        for (FiscalPeriod period : year) {
            if (period.state() == PeriodState.OPEN) {
                periods.set(db, period, PeriodState.CLOSED, actor);
            }
        }
        LOG.info("Fiscal year {} closed{}", fiscalYear, closing == null ? " (no revenue or expense)"
                : " with " + closing.number());
        return Optional.ofNullable(closing);
    }
}
