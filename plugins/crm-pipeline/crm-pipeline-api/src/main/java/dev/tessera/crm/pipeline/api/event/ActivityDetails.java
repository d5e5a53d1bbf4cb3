package dev.tessera.crm.pipeline.api.event;

import java.time.LocalDate;

import dev.tessera.crm.pipeline.api.ActivityType;

/** A call, meeting, e-mail, note or task, as {@code pipeline.activity.*} tells it. */
public record ActivityDetails(long id, ActivityType type, String subject, Long accountId, Long contactId, Long leadId,
                              Long opportunityId, String owner, LocalDate due, boolean done) {
}
