package dev.tessera.crm.pipeline.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a lead becomes: an opportunity (named after the company when {@code opportunityName} is null) at an existing
 * account ({@code accountId}) or a new one made from the lead's company.
 */
public record Qualification(Long accountId, String opportunityName, BigDecimal amount, String currency,
                            LocalDate expectedClose, String owner) {
}
