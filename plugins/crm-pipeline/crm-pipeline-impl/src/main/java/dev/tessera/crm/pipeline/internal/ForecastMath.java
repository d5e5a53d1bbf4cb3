package dev.tessera.crm.pipeline.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.tessera.crm.pipeline.api.Forecast;
import dev.tessera.crm.pipeline.api.OpportunityStatus;

/**
 * The forecast from deal snapshots. Open deals count in the month they are expected to close: pipeline (best case)
 * is their amount, weighted the amount times the stage probability, commit the amount of those at or above the
 * commit probability. Won deals count as closed in the month they were won. Sums are exact and rounded once.
 */
final class ForecastMath {
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    /** What the forecast needs of a deal. */
    record Deal(OpportunityStatus status, String owner, String source, BigDecimal amount, int probability,
                LocalDate expectedClose, LocalDate closedOn) {
    }

    private ForecastMath() {
    }

    static Forecast compute(List<Deal> deals, String currency, int digits, int commitProbability, LocalDate from,
                            LocalDate to) {
        Map<String, BigDecimal[]> rows = new TreeMap<>();
        Map<String, Integer> open = new TreeMap<>();
        Map<String, Object[]> sources = new TreeMap<>();
        for (Deal deal : deals) {
            String owner = deal.owner() == null ? "(unassigned)" : deal.owner();
            if (deal.status() == OpportunityStatus.OPEN && within(deal.expectedClose(), from, to)) {
                String key = YearMonth.from(deal.expectedClose()) + "\u0000" + owner;
                BigDecimal[] sums = rows.computeIfAbsent(key, k -> zeros());
                sums[0] = sums[0].add(deal.amount());
                sums[1] = sums[1].add(deal.amount().multiply(BigDecimal.valueOf(deal.probability())).divide(HUNDRED));
                if (deal.probability() >= commitProbability) {
                    sums[2] = sums[2].add(deal.amount());
                }
                open.merge(key, 1, Integer::sum);
            } else if (deal.status() != OpportunityStatus.OPEN && within(deal.closedOn(), from, to)) {
                if (deal.status() == OpportunityStatus.WON) {
                    String key = YearMonth.from(deal.closedOn()) + "\u0000" + owner;
                    BigDecimal[] sums = rows.computeIfAbsent(key, k -> zeros());
                    sums[3] = sums[3].add(deal.amount());
                }
                String source = deal.source() == null ? "(none)" : deal.source();
                Object[] s = sources.computeIfAbsent(source, k -> new Object[] {0, 0, BigDecimal.ZERO});
                if (deal.status() == OpportunityStatus.WON) {
                    s[0] = (Integer) s[0] + 1;
                    s[2] = ((BigDecimal) s[2]).add(deal.amount());
                } else {
                    s[1] = (Integer) s[1] + 1;
                }
            }
        }
        List<Forecast.Row> result = new ArrayList<>();
        BigDecimal[] total = zeros();
        int totalOpen = 0;
        for (Map.Entry<String, BigDecimal[]> row : rows.entrySet()) {
            String[] key = row.getKey().split("\u0000", 2);
            BigDecimal[] sums = row.getValue();
            int deals0 = open.getOrDefault(row.getKey(), 0);
            result.add(row(key[0], key[1], deals0, sums, digits));
            for (int i = 0; i < 4; i++) {
                total[i] = total[i].add(sums[i]);
            }
            totalOpen += deals0;
        }
        List<Forecast.SourceRow> bySource = new ArrayList<>();
        sources.forEach((source, s) -> bySource.add(new Forecast.SourceRow(source, (Integer) s[0], (Integer) s[1],
                ((BigDecimal) s[2]).setScale(digits, RoundingMode.HALF_UP))));
        return new Forecast(currency, result, row(null, null, totalOpen, total, digits), bySource);
    }

    private static Forecast.Row row(String month, String owner, int openDeals, BigDecimal[] sums, int digits) {
        return new Forecast.Row(month, owner, openDeals, scale(sums[0], digits), scale(sums[1], digits),
                scale(sums[2], digits), scale(sums[3], digits));
    }

    private static BigDecimal scale(BigDecimal value, int digits) {
        return value.setScale(digits, RoundingMode.HALF_UP);
    }

    private static BigDecimal[] zeros() {
        return new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
    }

    private static boolean within(LocalDate day, LocalDate from, LocalDate to) {
        return day != null && !day.isBefore(from) && !day.isAfter(to);
    }
}
