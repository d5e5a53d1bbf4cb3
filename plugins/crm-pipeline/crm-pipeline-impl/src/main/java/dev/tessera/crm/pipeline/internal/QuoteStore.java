package dev.tessera.crm.pipeline.internal;

import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.tessera.crm.pipeline.api.Opportunity;
import dev.tessera.crm.pipeline.api.PipelineErrors;
import dev.tessera.crm.pipeline.api.PriceSource;
import dev.tessera.crm.pipeline.api.Quote;
import dev.tessera.crm.pipeline.api.QuoteLine;
import dev.tessera.crm.pipeline.api.QuoteStatus;
import dev.tessera.crm.pipeline.api.event.PipelineEvents;
import dev.tessera.crm.pipeline.api.event.QuoteDetails;
import dev.tessera.platform.api.TesseraException;
import dev.tessera.platform.api.event.EventPublisher;
import dev.tessera.platform.api.event.FieldChange;
import dev.tessera.platform.support.Sql;

/**
 * Quotes on PIP_QUOTE and PIP_QUOTE_LINE: an opportunity's priced revisions, the open one superseded by the next,
 * accepted or rejected once, each write with its event in the caller's transaction.
 */
final class QuoteStore {
    static final String QUOTE = "ID, NUMBER, REVISION, OPPORTUNITY_ID, ACCOUNT_ID, STATUS, CURRENCY, VALID_UNTIL, NET,"
            + " TAX, GROSS, TAX_CALCULATED, STALE, REASON, CREATED_AT, CREATED_BY";
    static final String QUOTE_LINE = "LINE_NO, SKU, DESCRIPTION, QUANTITY, UNIT_PRICE, DISCOUNT_PCT, NET, TAX_CODE, TAX,"
            + " GROSS, PRICE_SOURCE, PRICE_LIST, AVAILABLE, STALE, CONTRACT_MONTHS";

    private final EventPublisher events;
    private final PipelineStore deals;

    QuoteStore(EventPublisher events, PipelineStore deals) {
        this.events = events;
        this.deals = deals;
    }

    Optional<Quote> quote(Connection db, long id) {
        Object[] r = Sql.row(db, "SELECT " + QUOTE + " FROM PIP_QUOTE WHERE ID = ?", id);
        if (r == null) {
            return Optional.empty();
        }
        Currency currency = Currency.getInstance(((String) r[6]).trim());
        List<QuoteLine> lines = Sql.rows(db, "SELECT " + QUOTE_LINE + " FROM PIP_QUOTE_LINE WHERE QUOTE_ID = ?"
                + " ORDER BY LINE_NO", id).stream().map(l -> line(l, currency)).toList();
        return Optional.of(new Quote(Sql.longValue(r[0]), (String) r[1], Sql.intValue(r[2]), Sql.longValue(r[3]),
                Sql.longValue(r[4]), QuoteStatus.valueOf(((String) r[5]).trim()), currency.getCurrencyCode(),
                Sql.date(r[7]), lines, PipelineStore.money(r[8], currency), PipelineStore.money(r[9], currency), PipelineStore.money(r[10], currency),
                Sql.bool(r[11]), lines.stream().anyMatch(l -> l.priceSource() == PriceSource.MANUAL), Sql.bool(r[12]),
                (String) r[13], Sql.instant(r[14]), (String) r[15]));
    }

    Quote requireQuote(Connection db, long id) {
        return quote(db, id).orElseThrow(() -> new TesseraException(PipelineErrors.QUOTE_NOT_FOUND, "No quote " + id));
    }

    List<Quote> quotes(Connection db, long opportunityId) {
        deals.requireOpportunity(db, opportunityId);
        return Sql.rows(db, "SELECT ID FROM PIP_QUOTE WHERE OPPORTUNITY_ID = ? ORDER BY ID", opportunityId).stream()
                .map(r -> requireQuote(db, Sql.longValue(r[0]))).toList();
    }

    /** Saves a priced quote as the opportunity's next revision; the open revision before it is superseded. */
    Quote insertQuote(Connection db, Opportunity deal, Currency currency, String customerGroup, LocalDate validUntil,
                      QuotePricing.Priced priced, String actor) {
        Object[] last = Sql.row(db, "SELECT NUMBER, MAX(REVISION) FROM PIP_QUOTE WHERE OPPORTUNITY_ID = ?"
                + " GROUP BY NUMBER", deal.id());
        long id = Sql.nextId(db, "PIP_SEQUENCE", "quote");
        String number = last == null ? String.format("Q-%06d", id) : (String) last[0];
        int revision = last == null ? 1 : Sql.intValue(last[1]) + 1;
        Sql.execute(db, "UPDATE PIP_QUOTE SET STATUS = 'SUPERSEDED' WHERE OPPORTUNITY_ID = ? AND STATUS = 'OPEN'",
                deal.id());
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("ID", id);
        row.put("NUMBER", number);
        row.put("REVISION", revision);
        row.put("OPPORTUNITY_ID", deal.id());
        row.put("ACCOUNT_ID", deal.accountId());
        row.put("STATUS", QuoteStatus.OPEN);
        row.put("CURRENCY", currency.getCurrencyCode());
        row.put("CUSTOMER_GROUP", customerGroup);
        row.put("VALID_UNTIL", validUntil);
        row.put("NET", priced.net());
        row.put("TAX", priced.tax());
        row.put("GROSS", priced.gross());
        row.put("TAX_CALCULATED", priced.taxCalculated());
        row.put("STALE", false);
        row.put("CREATED_AT", Instant.now());
        row.put("CREATED_BY", actor);
        Sql.insert(db, "PIP_QUOTE", row);
        for (QuoteLine l : priced.lines()) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("QUOTE_ID", id);
            line.put("LINE_NO", l.line());
            line.put("SKU", l.sku());
            line.put("DESCRIPTION", l.description());
            line.put("QUANTITY", l.quantity());
            line.put("UNIT_PRICE", l.unitPrice());
            line.put("DISCOUNT_PCT", l.discountPercent());
            line.put("NET", l.net());
            line.put("TAX_CODE", l.taxCode());
            line.put("TAX", l.tax());
            line.put("GROSS", l.gross());
            line.put("PRICE_SOURCE", l.priceSource());
            line.put("PRICE_LIST", l.priceList());
            line.put("AVAILABLE", l.available());
            line.put("STALE", false);
            line.put("CONTRACT_MONTHS", l.contractMonths());
            Sql.insert(db, "PIP_QUOTE_LINE", line);
        }
        Quote created = requireQuote(db, id);
        events.publish(db, PipelineEvents.QUOTE_CREATED.event(Long.toString(id), revision, actor, details(created),
                Map.of("number", new FieldChange(null, number), "revision", new FieldChange(null, revision))));
        return created;
    }

    /** Accepts or rejects an open quote, refusing an expired acceptance. */
    Quote decide(Connection db, long id, QuoteStatus decision, String reason, LocalDate today, String actor) {
        Quote quote = requireQuote(db, id);
        if (quote.status() != QuoteStatus.OPEN) {
            throw new TesseraException(PipelineErrors.QUOTE_CLOSED, "Quote " + quote.number() + " revision "
                    + quote.revision() + " is " + quote.status().name().toLowerCase(java.util.Locale.ROOT)
                    + "; only the open revision can be accepted or rejected");
        }
        if (decision == QuoteStatus.ACCEPTED && quote.validUntil().isBefore(today)) {
            throw new TesseraException(PipelineErrors.QUOTE_EXPIRED, "Quote " + quote.number() + " revision "
                    + quote.revision() + " expired on " + quote.validUntil() + "; make a new revision to accept");
        }
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("STATUS", decision);
        set.put("REASON", reason);
        if (Sql.update(db, "PIP_QUOTE", set, "ID = ? AND STATUS = 'OPEN'", id) == 0) {
            throw new TesseraException(PipelineErrors.QUOTE_CLOSED, "Quote " + quote.number()
                    + " was decided meanwhile; look at it again");
        }
        Quote after = requireQuote(db, id);
        events.publish(db, (decision == QuoteStatus.ACCEPTED ? PipelineEvents.QUOTE_ACCEPTED : PipelineEvents.QUOTE_REJECTED)
                .event(Long.toString(id), after.revision(), actor, details(after),
                        Map.of("status", new FieldChange("OPEN", decision.name()))));
        return after;
    }

    /** Everything an order needs of an accepted quote: erp-sales makes its order from this payload alone. */
    static QuoteDetails details(Quote q) {
        List<QuoteDetails.Line> lines = new ArrayList<>();
        for (QuoteLine l : q.lines()) {
            lines.add(new QuoteDetails.Line(l.line(), l.sku(), l.description(), l.quantity(), l.unitPrice(),
                    l.discountPercent(), l.net(), l.taxCode(), l.tax(), l.gross(), l.priceSource(), l.contractMonths()));
        }
        return new QuoteDetails(q.id(), q.number(), q.revision(), q.opportunityId(), q.accountId(), q.status(),
                q.currency(), q.validUntil(), q.net(), q.tax(), q.gross(), q.taxCalculated(), q.unverifiedPrices(), lines);
    }

    private static QuoteLine line(Object[] r, Currency currency) {
        return new QuoteLine(Sql.intValue(r[0]), (String) r[1], (String) r[2], Sql.decimal(r[3]), Sql.decimal(r[4]),
                Sql.decimal(r[5]), PipelineStore.money(r[6], currency), (String) r[7], PipelineStore.money(r[8], currency), PipelineStore.money(r[9], currency),
                PriceSource.valueOf(((String) r[10]).trim()), (String) r[11], Sql.decimal(r[12]), Sql.bool(r[13]),
                r[14] == null ? null : Sql.intValue(r[14]));
    }
}
