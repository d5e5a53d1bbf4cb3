package dev.tessera.crm.pipeline.api.event;

/**
 * An account's relationship fields, which the pipeline owns (billing terms belong to sales), as
 * {@code pipeline.account.*} tells them.
 */
public record AccountDetails(long id, String name, String domain, String industry, String address, String owner,
                             String notes) {
}
