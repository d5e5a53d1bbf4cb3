package dev.tessera.platform.api.event;

import java.sql.Connection;

import org.osgi.annotation.versioning.ProviderType;

/**
 * De-duplication for subscribers: delivery is at least once, so a handler that changes data marks the event as
 * processed in the same transaction as its change and skips it when it comes again.
 * <pre>{@code
 * transactions.run(c -> {
 *     if (!inbox.firstDelivery(c, "erp-ledger.postings", event)) return;   // seen before: nothing to do
 *     ... post the entry ...
 * });
 * }</pre>
 */
@ProviderType
public interface EventInbox {

    /** Records that the subscriber processed the event; false when it already had (then do nothing). */
    boolean firstDelivery(Connection transaction, String subscriberId, DomainEvent event);
}
