package dev.tessera.crm.marketing.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A won opportunity and what each campaign is credited with of its amount under a model; the credits add up to the
 * amount to the cent. No credits: none of the person's touches lies within the lookback window.
 */
public record Conversion(long opportunityId, Long leadId, String email, BigDecimal amount, String currency,
                         LocalDate wonOn, int touches, List<Credit> credits) {
}
