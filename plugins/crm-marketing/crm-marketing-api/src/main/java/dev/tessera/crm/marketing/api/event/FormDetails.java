package dev.tessera.crm.marketing.api.event;

/** A web form as its event tells it. */
public record FormDetails(String code, String name, String campaign, String list, int ratePerMinute) {
}
