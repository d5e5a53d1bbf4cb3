package dev.tessera.crm.marketing.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A marketing campaign. Its code is what touches and the UTM {@code utm_campaign} parameter name it by (unless
 * {@code utmCampaign} says otherwise); budget and actual cost are in {@code currency}.
 */
public record Campaign(long id, String code, String name, Channel channel, CampaignStatus status, LocalDate starts,
                       LocalDate ends, BigDecimal budget, BigDecimal cost, String currency, String utmSource,
                       String utmMedium, String utmCampaign, long version, Instant createdAt, String createdBy) {
}
