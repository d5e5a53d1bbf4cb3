package dev.tessera.crm.pipeline.api;

import java.time.Instant;
import java.time.LocalDate;

/** A call, e-mail, meeting, note or task about an account, contact, lead or opportunity. */
public record Activity(long id, ActivityType type, String subject, String details, Long accountId, Long contactId,
                       Long leadId, Long opportunityId, String owner, LocalDate due, Instant doneAt,
                       Instant createdAt) {
}
