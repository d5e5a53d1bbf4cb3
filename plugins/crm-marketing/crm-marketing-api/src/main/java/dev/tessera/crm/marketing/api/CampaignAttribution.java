package dev.tessera.crm.marketing.api;

import java.math.BigDecimal;

/**
 * A campaign in an attribution report: its touches and the leads they came from in the period, the conversions it is
 * credited in, the revenue credited to it (in {@code currency}), its cost, and the return on it ((revenue − cost) /
 * cost; null without cost or when the revenue is in another currency than the cost).
 */
public record CampaignAttribution(String campaign, String name, String currency, long touches, long leads,
                                  long opportunities, BigDecimal revenue, BigDecimal cost, BigDecimal roi) {
}
