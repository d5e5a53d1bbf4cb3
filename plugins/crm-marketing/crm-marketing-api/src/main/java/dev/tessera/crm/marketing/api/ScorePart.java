package dev.tessera.crm.marketing.api;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One reason for a score: a fit rule that holds ({@code touchId} null), or a touch whose kind gives points, worth
 * {@code basePoints} × 2^(−age/half-life) at the score's date ({@code points}, rounded to two decimals).
 */
public record ScorePart(String rule, BigDecimal basePoints, BigDecimal points, Long touchId, String campaign,
                        Instant occurredAt, BigDecimal ageDays) {
}
