package dev.tessera.crm.pipeline.api;

import java.time.LocalDate;

/** An activity to log or a task to plan; it names at least one of account, contact, lead or opportunity. */
public record NewActivity(ActivityType type, String subject, String details, Long accountId, Long contactId,
                          Long leadId, Long opportunityId, String owner, LocalDate due) {
}
