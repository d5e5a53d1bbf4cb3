package dev.tessera.crm.pipeline.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Opportunities through the configured stages, their activities, stuck deals and the forecast. */
@ProviderType
public interface Deals {

    /** The configured stages in order. */
    List<Stage> stages();

    /** Up to {@code limit} opportunities with ids above {@code afterId}; null filters match all. */
    List<Opportunity> opportunities(OpportunityStatus status, Long accountId, String owner, long afterId, int limit);

    Optional<Opportunity> opportunity(long id);

    Opportunity createOpportunity(NewOpportunity opportunity, String actor);

    /** Moves an open deal to another open stage ({@link #win}/{@link #lose} close it). */
    Opportunity moveStage(long id, String stage, String actor);

    Opportunity win(long id, String reason, String actor);

    Opportunity lose(long id, String reason, String actor);

    List<StageChange> stageHistory(long id);

    /** Open deals without a stage change or activity for the configured number of days (as of {@code today}). */
    List<Opportunity> stuck(LocalDate today);

    List<Activity> activities(Long accountId, Long leadId, Long opportunityId, String owner, long afterId, int limit);

    Activity logActivity(NewActivity activity, String actor);

    Activity completeTask(long id, String actor);

    /** Open tasks due before {@code today}, of one owner or (null) everyone, oldest first. */
    List<Activity> overdue(String owner, LocalDate today);

    /** The pipeline by expected-close month and owner in the pipeline's currency, for months {@code from}..{@code to}. */
    Forecast forecast(LocalDate from, LocalDate to);
}
