package dev.tessera.erp.ledger.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tessera.erp.ledger.api.TaxCalculation;
import dev.tessera.erp.ledger.api.TaxCode;
import dev.tessera.erp.ledger.api.TaxRounding;
import dev.tessera.erp.ledger.api.TaxTotal;
import dev.tessera.erp.ledger.api.TaxedLine;

/**
 * Tax arithmetic without a database. Rates are percentages. Inclusive amounts are split into net and tax; with
 * document rounding the total per code is rounded once and shared out to the lines by largest remainder, so the
 * lines always add up to the total.
 */
final class TaxEngine {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private TaxEngine() {
    }

    /** Lines given as (amount, code), already checked; {@code digits} is the currency's minor unit. */
    static TaxCalculation calculate(String currency, int digits, List<BigDecimal> amounts, List<TaxCode> codes) {
        int n = amounts.size();
        BigDecimal[] rawTax = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            TaxCode code = codes.get(i);
            BigDecimal amount = amounts.get(i);
            rawTax[i] = code.inclusive()
                    ? amount.subtract(amount.multiply(HUNDRED).divide(HUNDRED.add(code.rate()), 20, RoundingMode.HALF_UP))
                    : amount.multiply(code.rate()).divide(HUNDRED, 20, RoundingMode.HALF_UP);
        }
        BigDecimal[] tax = new BigDecimal[n];
        Map<String, List<Integer>> documentRounded = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            if (codes.get(i).rounding() == TaxRounding.LINE) {
                tax[i] = rawTax[i].setScale(digits, RoundingMode.HALF_UP);
            } else {
                documentRounded.computeIfAbsent(codes.get(i).code(), c -> new ArrayList<>()).add(i);
            }
        }
        BigDecimal unit = BigDecimal.ONE.movePointLeft(digits);
        for (List<Integer> group : documentRounded.values()) {
            BigDecimal total = group.stream().map(i -> rawTax[i]).reduce(BigDecimal.ZERO, BigDecimal::add)
                    .setScale(digits, RoundingMode.HALF_UP);
            BigDecimal assigned = BigDecimal.ZERO;
            for (int i : group) {
                tax[i] = rawTax[i].setScale(digits, RoundingMode.DOWN);
                assigned = assigned.add(tax[i]);
            }
            int left = total.subtract(assigned).divide(unit, 0, RoundingMode.UNNECESSARY).intValueExact();
            List<Integer> byRemainder = new ArrayList<>(group);
            byRemainder.sort(Comparator.comparing((Integer i) -> rawTax[i].subtract(tax[i]).abs()).reversed()
                    .thenComparing(i -> i));
            for (int k = 0; k < Math.abs(left); k++) {
                int i = byRemainder.get(k % byRemainder.size());
                tax[i] = tax[i].add(left > 0 ? unit : unit.negate());
            }
        }
        List<TaxedLine> lines = new ArrayList<>();
        Map<String, BigDecimal[]> perCode = new LinkedHashMap<>();
        BigDecimal net = BigDecimal.ZERO.setScale(digits);
        BigDecimal totalTax = BigDecimal.ZERO.setScale(digits);
        for (int i = 0; i < n; i++) {
            TaxCode code = codes.get(i);
            BigDecimal amount = amounts.get(i).setScale(digits, RoundingMode.UNNECESSARY);
            BigDecimal lineNet = code.inclusive() ? amount.subtract(tax[i]) : amount;
            BigDecimal lineGross = code.inclusive() ? amount : amount.add(tax[i]);
            lines.add(new TaxedLine(i + 1, code.code(), lineNet, tax[i], lineGross));
            BigDecimal[] sums = perCode.computeIfAbsent(code.code(), c -> new BigDecimal[] {BigDecimal.ZERO.setScale(digits),
                    BigDecimal.ZERO.setScale(digits)});
            sums[0] = sums[0].add(lineNet);
            sums[1] = sums[1].add(tax[i]);
            net = net.add(lineNet);
            totalTax = totalTax.add(tax[i]);
        }
        List<TaxTotal> totals = new ArrayList<>();
        for (Map.Entry<String, BigDecimal[]> sums : perCode.entrySet()) {
            TaxCode code = codes.stream().filter(c -> c.code().equals(sums.getKey())).findFirst().orElseThrow();
            totals.add(new TaxTotal(code.code(), code.rate(), sums.getValue()[0], sums.getValue()[1],
                    code.payableAccount(), code.receivableAccount()));
        }
        return new TaxCalculation(currency, lines, totals, net, totalTax, net.add(totalTax));
    }
}
