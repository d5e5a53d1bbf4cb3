package dev.tessera.crm.marketing.api;

import java.time.Instant;

/**
 * A form on a website that posts to Tessera without a login, with its own key: each submission records a form-fill
 * touch on {@code campaign} (or on the campaign its {@code utm_campaign} names), captures the person as a lead in the
 * pipeline and, with their consent, subscribes them to {@code list}. At most {@code ratePerMinute} submissions a
 * minute are taken.
 */
public record WebForm(String code, String name, String campaign, String list, int ratePerMinute, long version,
                      Instant createdAt, String createdBy) {
}
