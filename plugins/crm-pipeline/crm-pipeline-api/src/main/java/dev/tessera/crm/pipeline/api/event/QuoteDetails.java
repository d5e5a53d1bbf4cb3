package dev.tessera.crm.pipeline.api.event;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import dev.tessera.crm.pipeline.api.PriceSource;
import dev.tessera.crm.pipeline.api.QuoteStatus;

/**
 * A quote revision with everything an order is made of, as {@code pipeline.quote.*} tells it: erp-sales makes the
 * order of an accepted quote from this payload alone.
 *
 * @param taxCalculated    whether the ledger's tax engine taxed the lines (false while the ledger was away)
 * @param unverifiedPrices whether a line has a price typed by hand instead of the catalog's
 */
public record QuoteDetails(long id, String number, int revision, long opportunityId, long accountId,
                           QuoteStatus status, String currency, LocalDate validUntil, BigDecimal net, BigDecimal tax,
                           BigDecimal gross, boolean taxCalculated, boolean unverifiedPrices, List<Line> lines) {

    /**
     * One quote line with the amounts the tax engine worked out for it.
     *
     * @param sku            the catalog item, or null for a line of its own (a service, a fee)
     * @param contractMonths for a recurring line, the length of its contract term; otherwise null
     */
    public record Line(int line, String sku, String description, BigDecimal quantity, BigDecimal unitPrice,
                       BigDecimal discountPercent, BigDecimal net, String taxCode, BigDecimal tax, BigDecimal gross,
                       PriceSource priceSource, Integer contractMonths) {
    }
}
