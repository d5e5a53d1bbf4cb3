package dev.tessera.erp.purchasing.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tessera.erp.purchasing.api.AgingLine;

/**
 * Sorts what is owed into the aging buckets: not due (due on or after the day), 1 to 30, 31 to 60, 61 to 90 and over
 * 90 days past the due date; a line per vendor and currency, by vendor code.
 */
final class Aging {

    /** One bill's open amount on the day. */
    record Item(long vendorId, String vendorCode, String vendorName, String currency, LocalDate dueDate,
                BigDecimal open) {
    }

    private Aging() {
    }

    /** 0 not due, 1: 1–30, 2: 31–60, 3: 61–90, 4: over 90 days past due. */
    static int bucket(LocalDate asOf, LocalDate dueDate) {
        long late = ChronoUnit.DAYS.between(dueDate, asOf);
        return late <= 0 ? 0 : late <= 30 ? 1 : late <= 60 ? 2 : late <= 90 ? 3 : 4;
    }

    static List<AgingLine> lines(LocalDate asOf, List<Item> items) {
        Map<String, BigDecimal[]> sums = new LinkedHashMap<>();
        Map<String, Item> first = new LinkedHashMap<>();
        items.stream().filter(i -> i.open().signum() > 0)
                .sorted((a, b) -> a.vendorCode().compareTo(b.vendorCode()) != 0
                        ? a.vendorCode().compareTo(b.vendorCode()) : a.currency().compareTo(b.currency()))
                .forEach(i -> {
                    String key = i.vendorId() + "/" + i.currency();
                    first.putIfAbsent(key, i);
                    BigDecimal[] s = sums.computeIfAbsent(key, k -> zeros(i.open()));
                    int b = bucket(asOf, i.dueDate());
                    s[b] = s[b].add(i.open());
                });
        List<AgingLine> lines = new ArrayList<>();
        for (Map.Entry<String, BigDecimal[]> e : sums.entrySet()) {
            Item i = first.get(e.getKey());
            BigDecimal[] s = e.getValue();
            lines.add(new AgingLine(i.vendorId(), i.vendorCode(), i.vendorName(), i.currency(), s[0], s[1], s[2],
                    s[3], s[4], s[0].add(s[1]).add(s[2]).add(s[3]).add(s[4])));
        }
        return lines;
    }

    private static BigDecimal[] zeros(BigDecimal like) {
        BigDecimal zero = BigDecimal.ZERO.setScale(like.scale());
        return new BigDecimal[] {zero, zero, zero, zero, zero};
    }
}
