package dev.tessera.crm.pipeline.api.event;

import dev.tessera.crm.pipeline.api.LeadStatus;

/**
 * A lead, as {@code pipeline.lead.*} tells it.
 *
 * @param mergedInto    for a merged lead, the lead it was merged into
 * @param opportunityId for a qualified lead, the opportunity it became
 * @param accountId     for a qualified lead, the account it was linked to or created
 * @param contactId     for a qualified lead, the contact it became
 * @param reason        for a disqualified lead, why
 */
public record LeadDetails(long id, String name, String email, String company, String domain, String phone,
                          String source, String owner, LeadStatus status, Long mergedInto, Long opportunityId,
                          Long accountId, Long contactId, String reason) {
}
