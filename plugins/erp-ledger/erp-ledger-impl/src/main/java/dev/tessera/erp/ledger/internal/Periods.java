package dev.tessera.erp.ledger.internal;

import java.sql.Connection;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tessera.erp.ledger.api.FiscalPeriod;
import dev.tessera.erp.ledger.api.LedgerErrors;
import dev.tessera.erp.ledger.api.LedgerException;
import dev.tessera.erp.ledger.api.PeriodState;
import dev.tessera.platform.api.FieldError;
import dev.tessera.platform.api.ValidationException;
import dev.tessera.platform.support.Sql;

/**
 * Fiscal periods on LDG_PERIOD: a fiscal year's twelve periods (and every account's zero balance rows in them) are
 * created when the year is first used. A period is open, closed (reopenable) or locked (for good). Callers hold the
 * chain lock, so a year is created once.
 */
final class Periods {
    private static final Logger LOG = LoggerFactory.getLogger(Periods.class);
    static final String COLUMNS = "ID, FISCAL_YEAR, START_DATE, END_DATE, STATE";
    /** The years a ledger takes: a date outside them is a typing error, not a fiscal year. */
    static final int FIRST_YEAR = 1900;
    static final int LAST_YEAR = 9999;

    private final Books books;
    private final LedgerPublisher events;

    Periods(Books books, LedgerPublisher events) {
        this.books = books;
        this.events = events;
    }

    List<FiscalPeriod> year(Connection db, int fiscalYear) {
        requireYear(fiscalYear);
        ensureYear(db, fiscalYear);
        return Sql.rows(db, "SELECT " + COLUMNS + " FROM LDG_PERIOD WHERE FISCAL_YEAR = ? ORDER BY ID", fiscalYear)
                .stream().map(Periods::period).toList();
    }

    /** The period of a date, with its fiscal year created (open, with zero balances) on first use. */
    FiscalPeriod of(Connection db, LocalDate date) {
        ensureYear(db, books.calendar().fiscalYear(date));
        return find(db, FiscalCalendar.periodId(date));
    }

    FiscalPeriod change(Connection db, String periodId, PeriodState target, String actor) {
        YearMonth month;
        try {
            month = YearMonth.parse(periodId == null ? "" : periodId.trim());
        } catch (RuntimeException e) {
            throw new ValidationException(LedgerErrors.INVALID_ENTRY, "'" + periodId + "' is not a period",
                    List.of(new FieldError("period", "must be yyyy-mm, e.g. 2026-03")));
        }
        requireYear(month.getYear());
        ensureYear(db, books.calendar().fiscalYear(month.atDay(1)));
        FiscalPeriod period = find(db, month.toString());
        PeriodState current = period.state();
        if (current == target) {
            return period;
        }
        if (current == PeriodState.LOCKED) {
            throw new LedgerException(LedgerErrors.PERIOD_LOCKED, "Period " + period.id() + " is locked for good;"
                    + " it cannot be " + (target == PeriodState.OPEN ? "reopened" : "changed"));
        }
        if (target == PeriodState.LOCKED && current == PeriodState.OPEN) {
            throw new LedgerException(LedgerErrors.PERIOD_CLOSED, "Close period " + period.id()
                    + " before locking it (ledger:close-period " + period.id() + ")");
        }
        return set(db, period, target, actor);
    }

    /** Moves a period to a state and publishes the change. */
    FiscalPeriod set(Connection db, FiscalPeriod period, PeriodState target, String actor) {
        Sql.execute(db, "UPDATE LDG_PERIOD SET STATE = ? WHERE ID = ?", target.name(), period.id());
        FiscalPeriod after = find(db, period.id());
        events.periodChanged(db, period, after, actor);
        LOG.info("Period {} is now {}", period.id(), target);
        return after;
    }

    private void ensureYear(Connection db, int fiscalYear) {
        if (Sql.longValue(Sql.value(db, "SELECT COUNT(*) FROM LDG_PERIOD WHERE FISCAL_YEAR = ?", fiscalYear)) > 0) {
            return;
        }
        for (YearMonth month : books.calendar().months(fiscalYear)) {
            Sql.insert(db, "LDG_PERIOD", Map.of("ID", month.toString(), "FISCAL_YEAR", fiscalYear,
                    "START_DATE", month.atDay(1), "END_DATE", month.atEndOfMonth(), "STATE", PeriodState.OPEN.name()));
        }
        Sql.execute(db, "INSERT INTO LDG_BALANCE (ACCOUNT, PERIOD_ID, DEBIT, CREDIT) SELECT a.CODE, p.ID, 0, 0"
                + " FROM LDG_ACCOUNT a, LDG_PERIOD p WHERE p.FISCAL_YEAR = ?", fiscalYear);
        LOG.info("Fiscal year {} opened with 12 periods", fiscalYear);
    }

    private static FiscalPeriod find(Connection db, String id) {
        Object[] row = Sql.row(db, "SELECT " + COLUMNS + " FROM LDG_PERIOD WHERE ID = ?", id);
        if (row == null) {
            throw new LedgerException(LedgerErrors.PERIOD_NOT_FOUND, "No period " + id);
        }
        return period(row);
    }

    /** Refuses a year no ledger keeps: 1900 to 9999. */
    static void requireYear(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new ValidationException(LedgerErrors.INVALID_ENTRY, "No such fiscal year",
                    List.of(new FieldError("year", "must be a year from " + FIRST_YEAR + " to " + LAST_YEAR + ", not "
                            + year)));
        }
    }

    static FiscalPeriod period(Object[] r) {
        return new FiscalPeriod(Sql.text(r[0]), Sql.intValue(r[1]), Sql.date(r[2]), Sql.date(r[3]),
                PeriodState.valueOf(Sql.text(r[4])));
    }
}
