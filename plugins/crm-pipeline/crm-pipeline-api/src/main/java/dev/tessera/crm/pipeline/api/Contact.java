package dev.tessera.crm.pipeline.api;

/** A person at an account. */
public record Contact(long id, long accountId, String name, String email, String phone, String title, long version) {
}
