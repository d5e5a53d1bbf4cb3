package dev.tessera.erp.ledger.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.util.Map;

import dev.tessera.erp.ledger.api.Account;
import dev.tessera.erp.ledger.api.ExchangeRate;
import dev.tessera.erp.ledger.api.FiscalPeriod;
import dev.tessera.erp.ledger.api.JournalEntry;
import dev.tessera.erp.ledger.api.TaxCode;
import dev.tessera.erp.ledger.api.event.EntryPosted;
import dev.tessera.erp.ledger.api.event.EntryReversed;
import dev.tessera.erp.ledger.api.event.LedgerEvents;
import dev.tessera.platform.api.event.EventPublisher;
import dev.tessera.platform.api.event.FieldChange;

/** Every event the ledger publishes, each in the transaction of the change it reports. */
final class LedgerPublisher {
    private final EventPublisher events;

    LedgerPublisher(EventPublisher events) {
        this.events = events;
    }

    void accountCreated(Connection db, Account account, String actor) {
        events.publish(db, LedgerEvents.ACCOUNT_CREATED.created(account.code(), actor, account));
    }

    void accountUpdated(Connection db, Account before, Account after, String actor) {
        events.publish(db, LedgerEvents.ACCOUNT_UPDATED.changed(after.code(), 1, actor, before, after));
    }

    void periodChanged(Connection db, FiscalPeriod before, FiscalPeriod after, String actor) {
        var type = switch (after.state()) {
            case OPEN -> LedgerEvents.PERIOD_REOPENED;
            case CLOSED -> LedgerEvents.PERIOD_CLOSED;
            case LOCKED -> LedgerEvents.PERIOD_LOCKED;
        };
        events.publish(db, type.changed(after.id(), 1, actor, before, after));
    }

    void entryPosted(Connection db, JournalEntry entry, String actor) {
        events.publish(db, LedgerEvents.ENTRY_POSTED.created(Long.toString(entry.id()), actor, new EntryPosted(
                entry.number(), entry.date(), entry.description(), entry.currency(), entry.total(), entry.lines().size(),
                entry.sourceModule(), entry.sourceReference(), entry.reverses())));
    }

    void entryReversed(Connection db, JournalEntry original, JournalEntry reversal, String actor) {
        events.publish(db, LedgerEvents.ENTRY_REVERSED.event(Long.toString(original.id()), 1, actor,
                new EntryReversed(original.number(), reversal.number(), reversal.id()),
                Map.of("reversedBy", new FieldChange(null, reversal.id()))));
    }

    void rateSet(Connection db, ExchangeRate rate, BigDecimal before, String actor) {
        events.publish(db, LedgerEvents.RATE_SET.event(rate.currency() + "@" + rate.date(), 1, actor, rate,
                Map.of("rate", new FieldChange(before, rate.rate()))));
    }

    void taxCodeCreated(Connection db, TaxCode code, String actor) {
        events.publish(db, LedgerEvents.TAX_CODE_CREATED.created(code.code(), actor, code));
    }
}
