package dev.tessera.erp.ledger.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.tessera.erp.ledger.api.Account;
import dev.tessera.erp.ledger.api.AccountLedger;
import dev.tessera.erp.ledger.api.AccountType;
import dev.tessera.erp.ledger.api.BalanceRow;
import dev.tessera.erp.ledger.api.BalanceSheet;
import dev.tessera.erp.ledger.api.LedgerErrors;
import dev.tessera.erp.ledger.api.LedgerLine;
import dev.tessera.erp.ledger.api.ProfitAndLoss;
import dev.tessera.erp.ledger.api.StatementLine;
import dev.tessera.erp.ledger.api.TrialBalance;
import dev.tessera.platform.api.FieldError;
import dev.tessera.platform.api.ValidationException;
import dev.tessera.platform.support.Sql;

/**
 * Trial balance, profit and loss, balance sheet and account ledger. Sums come from the per-period balance rows for
 * whole months and from the lines only for the part of a month a date range cuts, so a report reads a few hundred
 * rows however large the journal is.
 */
final class Reports {
    private final Books books;

    Reports(Books books) {
        this.books = books;
    }

    TrialBalance trialBalance(Connection db, LocalDate asOf) {
        requireDate(asOf, "asOf");
        return trial(db, null, asOf, cumulative(db, asOf));
    }

    TrialBalance trialBalance(Connection db, LocalDate from, LocalDate to) {
        requireRange(from, to);
        return trial(db, from, to, movements(db, from, to));
    }

    private TrialBalance trial(Connection db, LocalDate from, LocalDate to, Map<String, BigDecimal[]> sums) {
        Map<String, Account> accounts = Chart.byCode(db);
        List<BalanceRow> rows = new ArrayList<>();
        BigDecimal totalDebit = books.zero();
        BigDecimal totalCredit = books.zero();
        for (Map.Entry<String, BigDecimal[]> sum : new TreeMap<>(sums).entrySet()) {
            BigDecimal net = sum.getValue()[0].subtract(sum.getValue()[1]);
            if (net.signum() == 0) {
                continue;
            }
            Account account = accounts.get(sum.getKey());
            BigDecimal debit = net.signum() > 0 ? net.setScale(books.scale()) : books.zero();
            BigDecimal credit = net.signum() < 0 ? net.negate().setScale(books.scale()) : books.zero();
            rows.add(new BalanceRow(sum.getKey(), account.name(), account.type(), debit, credit));
            totalDebit = totalDebit.add(debit);
            totalCredit = totalCredit.add(credit);
        }
        return new TrialBalance(from, to, books.currency(), rows, totalDebit, totalCredit);
    }

    ProfitAndLoss profitAndLoss(Connection db, LocalDate from, LocalDate to) {
        requireRange(from, to);
        Map<String, BigDecimal[]> sums = movements(db, from, to);
        // year-end closing entries move the result to equity; they are not part of the year's performance
        for (Object[] row : Sql.rows(db, "SELECT l.ACCOUNT, SUM(l.DEBIT), SUM(l.CREDIT) FROM LDG_LINE l"
                + " JOIN LDG_ENTRY e ON e.ID = l.ENTRY_ID WHERE e.CLOSING = ? AND e.ENTRY_DATE >= ? AND e.ENTRY_DATE <= ?"
                + " GROUP BY l.ACCOUNT", true, from, to)) {
            BigDecimal[] s = sums.computeIfAbsent(Sql.text(row[0]), a -> new BigDecimal[] {books.zero(), books.zero()});
            s[0] = s[0].subtract((BigDecimal) row[1]);
            s[1] = s[1].subtract((BigDecimal) row[2]);
        }
        Map<String, Account> accounts = Chart.byCode(db);
        List<StatementLine> revenue = statement(sums, accounts, AccountType.REVENUE);
        List<StatementLine> expenses = statement(sums, accounts, AccountType.EXPENSE);
        BigDecimal totalRevenue = total(revenue);
        BigDecimal totalExpenses = total(expenses);
        return new ProfitAndLoss(from, to, books.currency(), revenue, expenses, totalRevenue, totalExpenses,
                totalRevenue.subtract(totalExpenses));
    }

    BalanceSheet balanceSheet(Connection db, LocalDate asOf) {
        requireDate(asOf, "asOf");
        Map<String, BigDecimal[]> sums = cumulative(db, asOf);
        Map<String, Account> accounts = Chart.byCode(db);
        List<StatementLine> assets = statement(sums, accounts, AccountType.ASSET);
        List<StatementLine> liabilities = statement(sums, accounts, AccountType.LIABILITY);
        List<StatementLine> equity = statement(sums, accounts, AccountType.EQUITY);
        BigDecimal earnings = total(statement(sums, accounts, AccountType.REVENUE))
                .subtract(total(statement(sums, accounts, AccountType.EXPENSE)));
        BigDecimal totalAssets = total(assets);
        BigDecimal totalLiabilities = total(liabilities);
        BigDecimal totalEquity = total(equity);
        boolean balanced = totalAssets.compareTo(totalLiabilities.add(totalEquity).add(earnings)) == 0;
        return new BalanceSheet(asOf, books.currency(), assets, liabilities, equity, totalAssets, totalLiabilities,
                totalEquity, earnings, balanced);
    }

    AccountLedger accountLedger(Connection db, String code, LocalDate from, LocalDate to) {
        requireRange(from, to);
        Account account = Chart.require(db, code);
        BigDecimal[] before = cumulative(db, from.minusDays(1)).getOrDefault(code, new BigDecimal[] {books.zero(), books.zero()});
        BigDecimal balance = before[0].subtract(before[1]).setScale(books.scale());
        BigDecimal opening = balance;
        List<LedgerLine> lines = new ArrayList<>();
        for (Object[] row : Sql.rows(db, "SELECT e.ID, e.ENTRY_NUMBER, e.ENTRY_DATE, e.DESCRIPTION, l.DEBIT, l.CREDIT"
                + " FROM LDG_LINE l JOIN LDG_ENTRY e ON e.ID = l.ENTRY_ID WHERE l.ACCOUNT = ? AND e.ENTRY_DATE >= ?"
                + " AND e.ENTRY_DATE <= ? ORDER BY e.ENTRY_DATE, e.ID, l.LINE_NO", code, from, to)) {
            BigDecimal debit = ((BigDecimal) row[4]).setScale(books.scale());
            BigDecimal credit = ((BigDecimal) row[5]).setScale(books.scale());
            balance = balance.add(debit).subtract(credit);
            lines.add(new LedgerLine(Sql.longValue(row[0]), Sql.text(row[1]), Sql.date(row[2]), (String) row[3], debit,
                    credit, balance));
        }
        return new AccountLedger(account, from, to, opening, lines, balance);
    }

    // ================================================================ sums

    /** Debit and credit per account from the beginning up to the end of {@code asOf}. */
    Map<String, BigDecimal[]> cumulative(Connection db, LocalDate asOf) {
        Map<String, BigDecimal[]> sums = new HashMap<>();
        add(sums, Sql.rows(db, "SELECT b.ACCOUNT, SUM(b.DEBIT), SUM(b.CREDIT) FROM LDG_BALANCE b JOIN LDG_PERIOD p"
                + " ON p.ID = b.PERIOD_ID WHERE p.END_DATE <= ? GROUP BY b.ACCOUNT", asOf));
        if (!asOf.equals(YearMonth.from(asOf).atEndOfMonth())) {
            add(sums, Sql.rows(db, "SELECT l.ACCOUNT, SUM(l.DEBIT), SUM(l.CREDIT) FROM LDG_LINE l JOIN LDG_ENTRY e"
                    + " ON e.ID = l.ENTRY_ID WHERE e.PERIOD_ID = ? AND e.ENTRY_DATE <= ? GROUP BY l.ACCOUNT",
                    FiscalCalendar.periodId(asOf), asOf));
        }
        return sums;
    }

    /** Debit and credit per account from {@code from} to {@code to}, both included. */
    Map<String, BigDecimal[]> movements(Connection db, LocalDate from, LocalDate to) {
        Map<String, BigDecimal[]> sums = cumulative(db, to);
        for (Map.Entry<String, BigDecimal[]> before : cumulative(db, from.minusDays(1)).entrySet()) {
            BigDecimal[] s = sums.computeIfAbsent(before.getKey(), a -> new BigDecimal[] {books.zero(), books.zero()});
            s[0] = s[0].subtract(before.getValue()[0]);
            s[1] = s[1].subtract(before.getValue()[1]);
        }
        return sums;
    }

    private void add(Map<String, BigDecimal[]> sums, List<Object[]> rows) {
        for (Object[] row : rows) {
            BigDecimal[] s = sums.computeIfAbsent(Sql.text(row[0]), a -> new BigDecimal[] {books.zero(), books.zero()});
            s[0] = s[0].add((BigDecimal) row[1]);
            s[1] = s[1].add((BigDecimal) row[2]);
        }
    }

    private List<StatementLine> statement(Map<String, BigDecimal[]> sums, Map<String, Account> accounts,
                                          AccountType type) {
        List<StatementLine> lines = new ArrayList<>();
        for (Map.Entry<String, BigDecimal[]> sum : new TreeMap<>(sums).entrySet()) {
            Account account = accounts.get(sum.getKey());
            if (account == null || account.type() != type) {
                continue;
            }
            BigDecimal net = sum.getValue()[0].subtract(sum.getValue()[1]);
            BigDecimal amount = (type.debitNormal() ? net : net.negate()).setScale(books.scale());
            if (amount.signum() != 0) {
                lines.add(new StatementLine(sum.getKey(), account.name(), amount));
            }
        }
        return lines;
    }

    private BigDecimal total(List<StatementLine> lines) {
        return lines.stream().map(StatementLine::amount).reduce(books.zero(), BigDecimal::add);
    }

    /** Refuses a missing date, or one outside the years a ledger keeps. */
    static void requireDate(LocalDate date, String field) {
        if (date == null) {
            throw new ValidationException(LedgerErrors.INVALID_ENTRY, "A date is required",
                    List.of(new FieldError(field, "is required (YYYY-MM-DD)")));
        }
        if (date.getYear() < Periods.FIRST_YEAR || date.getYear() > Periods.LAST_YEAR) {
            throw new ValidationException(LedgerErrors.INVALID_ENTRY, "The date " + date + " is outside the years this"
                    + " ledger keeps", List.of(new FieldError(field, "must be in the years " + Periods.FIRST_YEAR
                    + " to " + Periods.LAST_YEAR)));
        }
    }

    static void requireRange(LocalDate from, LocalDate to) {
        requireDate(from, "from");
        requireDate(to, "to");
        if (from.isAfter(to)) {
            throw new ValidationException(LedgerErrors.INVALID_ENTRY, "The range is empty",
                    List.of(new FieldError("from", "must not be after 'to' (" + to + ")")));
        }
    }
}
