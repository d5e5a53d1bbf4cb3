package dev.tessera.crm.pipeline.api;

/** The account, contact and opportunity a lead was qualified into, in one transaction. */
public record Qualified(Lead lead, Account account, Contact contact, Opportunity opportunity) {
}
