package dev.tessera.crm.marketing.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tessera.crm.marketing.api.AttributionModel;
import dev.tessera.crm.marketing.api.Credit;

/**
 * How a conversion's amount is shared among the touches before it, without a database. Each model gives every touch
 * a weight; the amount in cents is split by weight and the cents left by rounding down go, one each, to the touches
 * with the largest remainders (the earlier on a tie), so the credits add up to the amount exactly.
 */
final class AttributionMath {
    private static final MathContext MC = MathContext.DECIMAL64;
    private static final BigDecimal SECONDS_A_DAY = new BigDecimal(86_400);

    /** A touch as attribution sees it. */
    record TouchAt(String campaign, Instant occurredAt) {
    }

    private AttributionMath() {
    }

    /** The weight of each touch, in time order, under a model. */
    static List<BigDecimal> weights(AttributionModel model, List<TouchAt> touches, Instant conversion,
                                    BigDecimal decayHalfLifeDays) {
        int n = touches.size();
        List<BigDecimal> w = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            w.add(switch (model) {
                case FIRST_TOUCH -> i == 0 ? BigDecimal.ONE : BigDecimal.ZERO;
                case LAST_TOUCH -> i == n - 1 ? BigDecimal.ONE : BigDecimal.ZERO;
                case LINEAR -> BigDecimal.ONE;
                case U_SHAPED -> n == 1 ? BigDecimal.ONE : n == 2 ? new BigDecimal("0.5")
                        : i == 0 || i == n - 1 ? new BigDecimal("0.4")
                        : new BigDecimal("0.2").divide(BigDecimal.valueOf(n - 2), MC);
                case TIME_DECAY -> {
                    double age = new BigDecimal(Duration.between(touches.get(i).occurredAt(), conversion).getSeconds())
                            .divide(SECONDS_A_DAY, MC).doubleValue();
                    yield new BigDecimal(Math.pow(2, -Math.max(0, age) / decayHalfLifeDays.doubleValue()), MC);
                }
            });
        }
        return w;
    }

    /** The credits per campaign (in the order of their first touch) of {@code amount}, to the cent. */
    static List<Credit> credits(AttributionModel model, BigDecimal amount, List<TouchAt> touches, Instant conversion,
                                BigDecimal decayHalfLifeDays) {
        if (touches.isEmpty() || amount == null || amount.signum() == 0) {
            return List.of();
        }
        List<TouchAt> sorted = touches.stream().sorted(Comparator.comparing(TouchAt::occurredAt)).toList();
        List<BigDecimal> weights = weights(model, sorted, conversion, decayHalfLifeDays);
        long[] cents = split(amount.setScale(2, RoundingMode.HALF_UP).movePointRight(2).longValueExact(), weights);
        Map<String, Long> byCampaign = new LinkedHashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            if (cents[i] != 0 || weights.get(i).signum() > 0) {
                byCampaign.merge(sorted.get(i).campaign(), cents[i], Long::sum);
            }
        }
        List<Credit> credits = new ArrayList<>();
        byCampaign.forEach((campaign, c) -> credits.add(new Credit(campaign, BigDecimal.valueOf(c, 2))));
        return credits;
    }

    /** {@code total} split by weight into whole parts that add up to it (largest remainders). */
    static long[] split(long total, List<BigDecimal> weights) {
        BigDecimal sum = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        long[] parts = new long[weights.size()];
        if (sum.signum() == 0) {
            return parts;
        }
        BigDecimal[] remainders = new BigDecimal[weights.size()];
        long given = 0;
        BigDecimal whole = BigDecimal.valueOf(total);
        for (int i = 0; i < parts.length; i++) {
            BigDecimal exact = whole.multiply(weights.get(i)).divide(sum, MC);
            BigDecimal floor = exact.setScale(0, RoundingMode.FLOOR);
            parts[i] = floor.longValueExact();
            remainders[i] = exact.subtract(floor);
            given += parts[i];
        }
        long left = total - given;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            order.add(i);
        }
        order.sort((a, b) -> {
            int c = remainders[b].compareTo(remainders[a]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        for (int k = 0; k < left; k++) {
            parts[order.get(k % parts.length)]++;
        }
        return parts;
    }
}
