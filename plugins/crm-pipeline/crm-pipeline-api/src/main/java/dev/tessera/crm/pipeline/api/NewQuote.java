package dev.tessera.crm.pipeline.api;

import java.time.LocalDate;
import java.util.List;

/** A quote (or a new revision) for an opportunity; valid for the configured days when {@code validUntil} is null. */
public record NewQuote(LocalDate validUntil, String currency, String customerGroup, List<NewQuoteLine> lines) {
}
