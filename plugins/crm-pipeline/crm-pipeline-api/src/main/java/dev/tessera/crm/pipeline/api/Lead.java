package dev.tessera.crm.pipeline.api;

import java.time.Instant;

/**
 * A lead: a person who may buy. {@code domain} is the normalised company domain used for duplicate matching;
 * {@code mergedInto} is set for a MERGED lead, {@code opportunityId} for a QUALIFIED one.
 */
public record Lead(long id, String name, String email, String company, String domain, String phone, String source,
                   String owner, String notes, LeadStatus status, Long mergedInto, Long opportunityId,
                   Instant createdAt) {
}
