package dev.tessera.crm.pipeline.api.event;

/** A contact person of an account, as {@code pipeline.contact.*} tells it. */
public record ContactDetails(long id, long accountId, String name, String email, String phone, String title) {
}
