package dev.tessera.erp.ledger.internal;

import java.sql.Connection;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.tessera.erp.ledger.api.Account;
import dev.tessera.erp.ledger.api.ExchangeRate;
import dev.tessera.erp.ledger.api.FiscalPeriod;
import dev.tessera.erp.ledger.api.JournalEntry;
import dev.tessera.erp.ledger.api.TaxCode;
import dev.tessera.platform.api.event.DomainEvent;
import dev.tessera.platform.api.event.EventPublisher;
import dev.tessera.platform.api.event.FieldChange;
import dev.tessera.platform.support.Changes;

/** Every event the ledger publishes, each in the transaction of the change it reports. */
final class LedgerEvents {
    private final EventPublisher events;

    LedgerEvents(EventPublisher events) {
        this.events = events;
    }

    void accountCreated(Connection db, Account account, String actor) {
        Map<String, Object> payload = account(account);
        publish(db, "ledger.account.created", account.code(), actor, payload, Changes.created(payload));
    }

    void accountUpdated(Connection db, Account before, Account after, String actor) {
        publish(db, "ledger.account.updated", after.code(), actor, account(after),
                Changes.diff(account(before), account(after)));
    }

    private static Map<String, Object> account(Account a) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("code", a.code());
        p.put("name", a.name());
        p.put("type", a.type().name());
        p.put("header", a.header());
        p.put("active", a.active());
        Changes.putIf(p, "parent", a.parent());
        return p;
    }

    void periodChanged(Connection db, FiscalPeriod before, FiscalPeriod after, String actor) {
        String type = switch (after.state()) {
            case OPEN -> "ledger.period.reopened";
            case CLOSED -> "ledger.period.closed";
            case LOCKED -> "ledger.period.locked";
        };
        Map<String, Object> payload = Map.of("period", after.id(), "state", after.state().name());
        publish(db, type, after.id(), actor, payload,
                Map.of("state", new FieldChange(before.state().name(), after.state().name())));
    }

    void entryPosted(Connection db, JournalEntry entry, String actor) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("number", entry.number());
        payload.put("date", entry.date().toString());
        payload.put("description", entry.description());
        payload.put("currency", entry.currency());
        payload.put("total", entry.total().toPlainString());
        payload.put("lines", entry.lines().size());
        if (entry.sourceModule() != null) {
            payload.put("sourceModule", entry.sourceModule());
            payload.put("sourceReference", entry.sourceReference());
        }
        if (entry.reverses() != null) {
            payload.put("reverses", entry.reverses());
        }
        publish(db, "ledger.journal-entry.posted", Long.toString(entry.id()), actor, payload, Changes.created(payload));
    }

    void entryReversed(Connection db, JournalEntry original, JournalEntry reversal, String actor) {
        Map<String, Object> payload = Map.of("number", original.number(), "reversal", reversal.number(),
                "reversalId", reversal.id());
        publish(db, "ledger.journal-entry.reversed", Long.toString(original.id()), actor, payload,
                Map.of("reversedBy", new FieldChange(null, reversal.id())));
    }

    void rateSet(Connection db, ExchangeRate rate, java.math.BigDecimal before, String actor) {
        Map<String, Object> payload = Map.of("currency", rate.currency(), "date", rate.date().toString(),
                "rate", rate.rate().toPlainString());
        publish(db, "ledger.exchange-rate.set", rate.currency() + "@" + rate.date(), actor, payload,
                Map.of("rate", new FieldChange(before == null ? null : before.toPlainString(), rate.rate().toPlainString())));
    }

    void taxCodeCreated(Connection db, TaxCode code, String actor) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("code", code.code());
        payload.put("name", code.name());
        payload.put("rate", code.rate().toPlainString());
        payload.put("payableAccount", code.payableAccount());
        payload.put("receivableAccount", code.receivableAccount());
        payload.put("inclusive", code.inclusive());
        payload.put("rounding", code.rounding().name());
        publish(db, "ledger.tax-code.created", code.code(), actor, payload, Changes.created(payload));
    }

    private void publish(Connection db, String type, String recordId, String actor, Map<String, Object> payload,
                         Map<String, FieldChange> changes) {
        events.publish(db, new DomainEvent(UUID.randomUUID(), type, recordId, 1, Instant.now(), actor, payload, changes));
    }
}
