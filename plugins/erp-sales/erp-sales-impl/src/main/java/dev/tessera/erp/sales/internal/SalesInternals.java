package dev.tessera.erp.sales.internal;

import java.sql.Connection;
import java.util.Map;

import dev.tessera.erp.sales.api.SalesOrder;

/**
 * What sales' own event subscribers and resources need of its implementation beyond the public API; registered
 * under this internal type, which no other bundle can see.
 */
public interface SalesInternals {
    /** How the note of an order from a quote that could not be confirmed begins. */
    String HELD = "Held as a draft: ";

    /** The pipeline's account name and address, from its events, in the caller's transaction. */
    void copyAccount(Connection db, long accountId, String name, String address);

    /** The order of an accepted quote, once per quote (null when it exists already), in the caller's transaction. */
    SalesOrder orderFromQuote(Connection db, QuoteCopy quote, String actor);

    /** The order of a quote, if there is one, in the caller's transaction. */
    SalesOrder orderOfQuote(Connection db, long quoteId);

    /** Confirms an order made from a quote; when it cannot be, it stays a draft and its note says why. */
    void confirmOrHold(long orderId, String actor);

    /** Which neighbours are there now: catalog, stock, tax. */
    Map<String, Boolean> integrations();
}
