package dev.tessera.crm.marketing.api;

import java.time.Instant;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Lead scores. */
@ProviderType
public interface Scores {
    /** The lead's score at {@code asOf} (now when null), from the touches that had happened by then. */
    Optional<LeadScore> score(long leadId, Instant asOf);

    /**
     * Scores every known lead now and records those that crossed the threshold, with one event each; returns how many
     * crossed. Runs by itself on a schedule and when the scoring settings change.
     */
    int rescore(String actor);
}
