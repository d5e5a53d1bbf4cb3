package dev.tessera.erp.ledger.api.event;

import java.util.Set;

import dev.tessera.erp.ledger.api.Account;
import dev.tessera.erp.ledger.api.ExchangeRate;
import dev.tessera.erp.ledger.api.FiscalPeriod;
import dev.tessera.erp.ledger.api.TaxCode;
import dev.tessera.platform.api.RecordType;
import dev.tessera.platform.api.event.EventType;

/** The record types the general ledger owns and the events it publishes about them. */
public interface LedgerEvents {
    String PREFIX = "ledger";

    EventType<Account> ACCOUNT_CREATED = EventType.of(PREFIX, "ledger-account", "created", Account.class, 1,
            "An account was added to the chart of accounts");
    EventType<Account> ACCOUNT_UPDATED = EventType.of(PREFIX, "ledger-account", "updated", Account.class, 1,
            "An account of the chart changed (deactivated, reactivated)");
    EventType<EntryPosted> ENTRY_POSTED = EventType.of(PREFIX, "journal-entry", "posted", EntryPosted.class, 1,
            "A balanced journal entry was posted; posted entries never change");
    EventType<EntryReversed> ENTRY_REVERSED = EventType.of(PREFIX, "journal-entry", "reversed", EntryReversed.class,
            1, "A posted entry was reversed by a mirror-image entry");
    EventType<FiscalPeriod> PERIOD_CLOSED = EventType.of(PREFIX, "fiscal-period", "closed", FiscalPeriod.class, 1,
            "A fiscal period was closed: it takes no postings until reopened");
    EventType<FiscalPeriod> PERIOD_REOPENED = EventType.of(PREFIX, "fiscal-period", "reopened", FiscalPeriod.class,
            1, "A closed fiscal period was reopened");
    EventType<FiscalPeriod> PERIOD_LOCKED = EventType.of(PREFIX, "fiscal-period", "locked", FiscalPeriod.class, 1,
            "A closed fiscal period was locked for good");
    EventType<TaxCode> TAX_CODE_CREATED = EventType.of(PREFIX, "tax-code", "created", TaxCode.class, 1,
            "A tax code was added");
    EventType<ExchangeRate> RATE_SET = EventType.of(PREFIX, "exchange-rate", "set", ExchangeRate.class, 1,
            "An exchange rate was recorded for a currency from a date on");

    Set<RecordType> OWNS = Set.of(ACCOUNT_CREATED.recordType(), ENTRY_POSTED.recordType(), PERIOD_CLOSED.recordType(),
            TAX_CODE_CREATED.recordType(), RATE_SET.recordType());

    Set<EventType<?>> ALL = Set.of(ACCOUNT_CREATED, ACCOUNT_UPDATED, ENTRY_POSTED, ENTRY_REVERSED, PERIOD_CLOSED,
            PERIOD_REOPENED, PERIOD_LOCKED, TAX_CODE_CREATED, RATE_SET);
}
