package dev.tessera.crm.pipeline.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * The pipeline by expected-close month and owner, in one currency: {@code pipeline} is every open deal's amount
 * (best case), {@code weighted} each times its stage probability, {@code commit} the open deals at or above the
 * commit probability, {@code closed} the deals won in that month. {@code bySource} counts won and lost deals.
 */
public record Forecast(String currency, List<Row> rows, Row total, List<SourceRow> bySource) {
    public Forecast {
        rows = List.copyOf(rows);
        bySource = List.copyOf(bySource);
    }

    /** One month and owner ({@code month} YYYY-MM; both null in the total). */
    public record Row(String month, String owner, int openDeals, BigDecimal pipeline, BigDecimal weighted,
                      BigDecimal commit, BigDecimal closed) {
    }

    /** Won and lost deals of a lead source, with the amount won. */
    public record SourceRow(String source, int won, int lost, BigDecimal wonAmount) {
    }
}
