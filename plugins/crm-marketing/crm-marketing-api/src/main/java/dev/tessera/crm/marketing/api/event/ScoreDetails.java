package dev.tessera.crm.marketing.api.event;

import java.math.BigDecimal;

/** A lead's score when it crossed the threshold, up ({@code qualified}) or down. */
public record ScoreDetails(long leadId, String email, BigDecimal points, BigDecimal threshold, boolean qualified) {
}
