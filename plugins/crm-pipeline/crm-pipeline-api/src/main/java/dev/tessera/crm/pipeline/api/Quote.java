package dev.tessera.crm.pipeline.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A quote revision with its totals. {@code taxCalculated} is false when the ledger's tax engine was absent (the
 * totals then carry no tax); {@code unverifiedPrices} when a line has a manual price; {@code stale} when a catalog
 * price of a line changed after the quote was made.
 */
public record Quote(long id, String number, int revision, long opportunityId, long accountId, QuoteStatus status,
                    String currency, LocalDate validUntil, List<QuoteLine> lines, BigDecimal net, BigDecimal tax,
                    BigDecimal gross, boolean taxCalculated, boolean unverifiedPrices, boolean stale,
                    String decisionReason, Instant createdAt, String createdBy) {
    public Quote {
        lines = List.copyOf(lines);
    }
}
