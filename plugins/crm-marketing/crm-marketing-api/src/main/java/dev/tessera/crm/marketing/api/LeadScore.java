package dev.tessera.crm.marketing.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A lead's score at {@code asOf}: fit points plus behaviour points decayed with the half-life, the threshold that
 * makes a lead marketing-qualified and the parts that make the score up.
 */
public record LeadScore(long leadId, String email, Instant asOf, BigDecimal points, BigDecimal fitPoints,
                        BigDecimal behaviourPoints, BigDecimal threshold, boolean qualified, BigDecimal halfLifeDays,
                        List<ScorePart> parts) {
}
