package dev.tessera.crm.marketing.api;

/**
 * What a submission did: the touch recorded on which campaign, the pipeline's lead (null when the pipeline is not
 * enabled; {@code leadCreated} false when the person was a lead already) and the subscription (null without consent).
 */
public record SubmissionResult(String form, String email, String campaign, long touchId, Long leadId,
                               boolean leadCreated, SubscriptionStatus subscription) {
}
