package dev.tessera.crm.pipeline.api.event;

import java.math.BigDecimal;
import java.time.LocalDate;

import dev.tessera.crm.pipeline.api.OpportunityStatus;

/**
 * A deal, as {@code pipeline.opportunity.*} tells it.
 *
 * @param renewalOf for a renewal deal, the deal it renews
 */
public record OpportunityDetails(long id, long accountId, String name, String stage, int probability,
                                 BigDecimal amount, String currency, LocalDate expectedClose, String owner,
                                 String source, OpportunityStatus status, String closeReason, LocalDate closedOn,
                                 Long renewalOf) {
}
