package dev.tessera.crm.pipeline.api;

import java.time.Instant;

/**
 * A lead: a person who may buy. {@code domain} is the normalised company domain used for duplicate matching;
 * {@code mergedInto} is set for a MERGED lead, {@code opportunityId} for a QUALIFIED one. {@code likelyAccountId} is
 * the account that has the lead's company domain already, if one does: the company is a customer or prospect, and
 * qualifying the lead without naming an account links it to that one instead of creating a second.
 */
public record Lead(long id, String name, String email, String company, String domain, String phone, String source,
                   String owner, String notes, LeadStatus status, Long mergedInto, Long opportunityId,
                   Instant createdAt, Long likelyAccountId) {
}
