package dev.tessera.erp.ledger.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Fiscal years of twelve monthly periods starting in a configured month. A fiscal year is named after the calendar
 * year it starts in; a period after its month ({@code 2026-04}).
 */
record FiscalCalendar(int startMonth) {
    FiscalCalendar {
        if (startMonth < 1 || startMonth > 12) {
            throw new IllegalArgumentException("fiscalYearStartMonth must be 1 to 12, not " + startMonth);
        }
    }

    int fiscalYear(LocalDate date) {
        return date.getMonthValue() >= startMonth ? date.getYear() : date.getYear() - 1;
    }

    static String periodId(LocalDate date) {
        return YearMonth.from(date).toString();
    }

    /** The twelve months of a fiscal year, in order. */
    List<YearMonth> months(int fiscalYear) {
        List<YearMonth> months = new ArrayList<>();
        YearMonth first = YearMonth.of(fiscalYear, startMonth);
        for (int i = 0; i < 12; i++) {
            months.add(first.plusMonths(i));
        }
        return months;
    }
}
