package dev.tessera.crm.pipeline.api;

/** An account to create, or the fields to change (null leaves a field as it is). */
public record NewAccount(String name, String domain, String industry, String address, String owner, String notes) {
}
