package dev.tessera.crm.marketing.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What changes in a campaign; null fields stay as they are. */
public record CampaignChanges(String name, CampaignStatus status, LocalDate starts, LocalDate ends,
                              BigDecimal budget, BigDecimal cost) {
}
