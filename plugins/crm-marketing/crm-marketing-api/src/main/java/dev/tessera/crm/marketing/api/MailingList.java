package dev.tessera.crm.marketing.api;

import java.time.Instant;

/**
 * A mailing list people subscribe to. With {@code doubleOptIn} every new subscription waits for the person to confirm
 * it through the link mailed to them; without, only a subscription of an address that opted out or bounced does.
 * {@code subscribers} counts the confirmed subscriptions.
 */
public record MailingList(long id, String code, String name, String description, boolean doubleOptIn,
                          long subscribers, long version, Instant createdAt, String createdBy) {
}
