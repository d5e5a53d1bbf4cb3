package dev.tessera.platform.api.event;

import java.util.Set;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives committed domain events, registered as a service. Each subscriber has a durable cursor under its
 * {@link #subscriberId()}: events published while it is absent are delivered when it returns, in commit order.
 * Delivery is at least once; a handler must be idempotent (the event id is the de-duplication key).
 * A handler that throws is retried with backoff and, after the retries, its event is dead-lettered.
 */
@ConsumerType
public interface EventSubscriber {

    /** Stable id of the durable cursor, e.g. {@code erp-ledger.sales-postings}. */
    String subscriberId();

    /** Type patterns: an exact type, or a prefix ending in {@code *}, e.g. {@code sales.invoice.*}. */
    Set<String> topics();

    void handle(DomainEvent event) throws Exception;
}
