package dev.tessera.erp.ledger.api;

import java.time.LocalDate;

/** A month of a fiscal year, named {@code yyyy-mm} after the month it starts in. */
public record FiscalPeriod(String id, int fiscalYear, LocalDate start, LocalDate end, PeriodState state) {
}
