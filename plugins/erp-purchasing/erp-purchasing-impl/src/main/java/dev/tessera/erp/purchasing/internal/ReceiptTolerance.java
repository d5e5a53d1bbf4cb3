package dev.tessera.erp.purchasing.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How much a line may receive in all: what was ordered plus the configured tolerance in percent. */
final class ReceiptTolerance {
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final BigDecimal percent;

    ReceiptTolerance(BigDecimal percent) {
        this.percent = percent;
    }

    /** The most a line of {@code ordered} may receive in all its receipts. */
    BigDecimal most(BigDecimal ordered) {
        return ordered.add(ordered.multiply(percent).divide(HUNDRED, 4, RoundingMode.DOWN));
    }

    /** What a line may still receive after {@code received}; zero when nothing. */
    BigDecimal left(BigDecimal ordered, BigDecimal received) {
        return most(ordered).subtract(received).max(BigDecimal.ZERO);
    }

    /** Whether receiving {@code more} on a line that already received {@code received} stays within it. */
    boolean allows(BigDecimal ordered, BigDecimal received, BigDecimal more) {
        return received.add(more).compareTo(most(ordered)) <= 0;
    }
}
