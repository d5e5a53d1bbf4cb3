package dev.tessera.crm.marketing.api.event;

import java.math.BigDecimal;
import java.time.LocalDate;

import dev.tessera.crm.marketing.api.CampaignStatus;
import dev.tessera.crm.marketing.api.Channel;

/** A campaign as its events tell it. */
public record CampaignDetails(String code, String name, Channel channel, CampaignStatus status, LocalDate starts,
                              LocalDate ends, BigDecimal budget, BigDecimal cost, String currency, String utmSource,
                              String utmMedium, String utmCampaign) {
}
