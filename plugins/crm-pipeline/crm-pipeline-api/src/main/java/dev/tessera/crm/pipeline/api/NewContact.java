package dev.tessera.crm.pipeline.api;

/** A contact to add to an account, or the fields to change (null leaves a field as it is). */
public record NewContact(Long accountId, String name, String email, String phone, String title) {
}
