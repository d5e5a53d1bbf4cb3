package dev.tessera.crm.pipeline.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A deal to open at an account; the stage defaults to the first one, the currency to the pipeline's. */
public record NewOpportunity(Long accountId, String name, String stage, BigDecimal amount, String currency,
                             LocalDate expectedClose, String owner, String source) {
}
