package dev.tessera.crm.marketing.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A campaign to create; status starts PLANNED, cost at 0; currency is the module's unless given. */
public record NewCampaign(String code, String name, Channel channel, LocalDate starts, LocalDate ends,
                          BigDecimal budget, String currency, String utmSource, String utmMedium,
                          String utmCampaign) {
}
