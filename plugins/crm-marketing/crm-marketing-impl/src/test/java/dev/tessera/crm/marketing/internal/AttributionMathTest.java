package dev.tessera.crm.marketing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.tessera.crm.marketing.api.AttributionModel;
import dev.tessera.crm.marketing.api.Credit;

class AttributionMathTest {
    private static final Instant WON = Instant.parse("2026-11-30T00:00:00Z");
    private static final BigDecimal SEVEN = new BigDecimal(7);

    /** Four touches: A 21 days before, B 14, C 7, A again on the day. */
    private static final List<AttributionMath.TouchAt> TOUCHES = List.of(
            new AttributionMath.TouchAt("B", WON.minus(Duration.ofDays(14))),
            new AttributionMath.TouchAt("A", WON.minus(Duration.ofDays(21))),
            new AttributionMath.TouchAt("C", WON.minus(Duration.ofDays(7))),
            new AttributionMath.TouchAt("A", WON));

    private static Map<String, BigDecimal> credits(AttributionModel model, String amount) {
        List<Credit> credits = AttributionMath.credits(model, new BigDecimal(amount), TOUCHES, WON, SEVEN);
        assertEquals(0, new BigDecimal(amount).compareTo(credits.stream().map(Credit::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add)), model + " adds up to the amount");
        return credits.stream().collect(Collectors.toMap(Credit::campaign, Credit::amount));
    }

    @Test
    void everyModelSharesTheAmountToTheCentAsWorkedOutByHand() {
        assertEquals(Map.of("A", new BigDecimal("1000.00")), credits(AttributionModel.FIRST_TOUCH, "1000"));
        assertEquals(Map.of("A", new BigDecimal("1000.00")), credits(AttributionModel.LAST_TOUCH, "1000"));
        // a quarter each: A twice
        assertEquals(Map.of("A", new BigDecimal("500.00"), "B", new BigDecimal("250.00"), "C",
                new BigDecimal("250.00")), credits(AttributionModel.LINEAR, "1000"));
        // 40 first (A), 10 and 10 between (B, C), 40 last (A)
        assertEquals(Map.of("A", new BigDecimal("800.00"), "B", new BigDecimal("100.00"), "C",
                new BigDecimal("100.00")), credits(AttributionModel.U_SHAPED, "1000"));
        // weights 1/8, 1/4, 1/2, 1 of 15/8: A 9/15, B 2/15, C 4/15 of 1000
        assertEquals(Map.of("A", new BigDecimal("600.00"), "B", new BigDecimal("133.33"), "C",
                new BigDecimal("266.67")), credits(AttributionModel.TIME_DECAY, "1000"));
    }

    @Test
    void centsLeftByRoundingGoToTheLargestRemaindersSoThreeWaysOfOneHundredAddUp() {
        long[] parts = AttributionMath.split(10000, List.of(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE));
        assertEquals(3334, parts[0]);
        assertEquals(3333, parts[1]);
        assertEquals(3333, parts[2]);
    }

    @Test
    void noTouchesNoCredits() {
        assertEquals(List.of(), AttributionMath.credits(AttributionModel.LINEAR, BigDecimal.TEN, List.of(), WON, SEVEN));
    }
}
