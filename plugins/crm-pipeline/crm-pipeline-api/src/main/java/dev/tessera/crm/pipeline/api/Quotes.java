package dev.tessera.crm.pipeline.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Quotes for opportunities: priced from the inventory's {@code Catalog} and taxed by the ledger's {@code TaxService}
 * when those modules are enabled (the same engine taxes the invoice), manual prices and no tax otherwise, marked so.
 */
@ProviderType
public interface Quotes {

    List<Quote> quotes(long opportunityId);

    Optional<Quote> quote(long id);

    /** Prices and taxes the lines without saving: what the quote would be. */
    Quote preview(long opportunityId, NewQuote quote);

    /** A new quote, or the next revision of the opportunity's quote (the open one before it is superseded). */
    Quote createQuote(long opportunityId, NewQuote quote, String actor);

    /** Accepts an open, unexpired quote as of {@code today}; publishes {@code pipeline.quote.accepted}. */
    Quote accept(long id, LocalDate today, String actor);

    Quote reject(long id, String reason, String actor);
}
