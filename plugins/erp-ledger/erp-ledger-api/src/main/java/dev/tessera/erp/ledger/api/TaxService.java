package dev.tessera.erp.ledger.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The one tax engine: quotes and invoices both calculate with it, so a quote and the invoice made from it never
 * disagree about tax.
 */
@ProviderType
public interface TaxService {

    List<TaxCode> taxCodes();

    Optional<TaxCode> taxCode(String code);

    /** Adds a tax code on behalf of {@code actor}. */
    TaxCode createTaxCode(TaxCode taxCode, String actor);

    /** Works out the tax of a document's lines in {@code currency} (the base currency when null). */
    TaxCalculation calculate(String currency, List<TaxableLine> lines);
}
