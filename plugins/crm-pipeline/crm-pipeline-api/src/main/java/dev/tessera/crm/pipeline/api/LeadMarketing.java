package dev.tessera.crm.pipeline.api;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A read-only copy of what marketing says of a lead, from its events: whether the lead is marketing-qualified, with
 * the points and time of its last threshold crossing, and the campaign that touched it first (its campaign source).
 */
public record LeadMarketing(long leadId, boolean qualified, BigDecimal points, Instant scoredAt,
                            String firstCampaign, Instant firstTouchAt) {
}
