package dev.tessera.crm.marketing.api;

import java.time.LocalDate;
import java.util.List;

/** Revenue won between {@code from} and {@code to} (inclusive) credited to campaigns under one model. */
public record AttributionReport(AttributionModel model, LocalDate from, LocalDate to, int lookbackDays,
                                List<CampaignAttribution> campaigns, List<Conversion> conversions) {
}
