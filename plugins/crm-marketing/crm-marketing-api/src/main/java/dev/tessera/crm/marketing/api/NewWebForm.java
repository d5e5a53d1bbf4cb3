package dev.tessera.crm.marketing.api;

/** A web form to create: code, name, its campaign's code, the list consent subscribes to (optional), rate (20). */
public record NewWebForm(String code, String name, String campaign, String list, Integer ratePerMinute) {
}
