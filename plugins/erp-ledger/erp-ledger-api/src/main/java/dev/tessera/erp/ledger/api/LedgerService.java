package dev.tessera.erp.ledger.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The general ledger. Every write is one transaction with its event. There is no way to change or delete a posted
 * entry: {@link #reverse} posts its mirror image, linked to it.
 */
@ProviderType
public interface LedgerService {

    /** The currency every entry balances in (configuration {@code baseCurrency}). */
    String baseCurrency();

    // ---------------------------------------------------------------- chart of accounts

    List<Account> accounts();

    Optional<Account> account(String code);

    /** Adds an account to the chart on behalf of {@code actor} (a user, or {@code system:<module>}). */
    Account createAccount(NewAccount account, String actor);

    /** Deactivates or reactivates an account; an inactive one takes no new postings. */
    Account setActive(String code, boolean active, String actor);

    // ---------------------------------------------------------------- entries

    /**
     * Posts a balanced entry on behalf of {@code actor} (a user, or {@code system:<module>}) and returns it with its
     * number ({@code JE-<fiscal year>-000001}, gap-free per year). A module books each of its documents once: a
     * request whose source module and reference were posted before returns that entry when it books the same lines
     * on the same date, and is refused with {@code ledger.source-conflict} when it does not.
     */
    JournalEntry post(PostingRequest request, String actor);

    /**
     * Posts an entry a person keyed in (REST, console): as {@link #post}, but it may not name a source module or
     * reference — those are the documents of other modules, which only their posting rules book
     * ({@code ledger.source-reserved}).
     */
    JournalEntry postManual(PostingRequest request, String actor);

    /** Posts as the request's source module ({@code system:<module>}), or as {@code system} for a manual entry. */
    default JournalEntry post(PostingRequest request) {
        return post(request, request == null || request.sourceModule() == null ? "system"
                : "system:" + request.sourceModule());
    }

    /** Posts the reversal of an entry on {@code date} (the original date when null) and links the two. */
    JournalEntry reverse(long entryId, LocalDate date, String reason, String actor);

    Optional<JournalEntry> entry(long id);

    Optional<JournalEntry> entryByNumber(String number);

    Optional<JournalEntry> entryBySource(String sourceModule, String sourceReference);

    /** Up to {@code limit} entries with ids above {@code afterId}, in posting order. */
    List<JournalEntry> entries(long afterId, int limit);

    // ---------------------------------------------------------------- periods

    /** The periods of a fiscal year, created (open) on first use. */
    List<FiscalPeriod> periods(int fiscalYear);

    FiscalPeriod closePeriod(String periodId, String actor);

    FiscalPeriod reopenPeriod(String periodId, String actor);

    /** Locks a closed period for good: it can never take postings again. */
    FiscalPeriod lockPeriod(String periodId, String actor);

    /**
     * Closes a fiscal year: posts the closing entry (dated the year's last day, source {@code erp-ledger}
     * {@code year-end-<year>}) that moves every revenue and expense balance of the year to retained earnings, then
     * closes the year's periods. Closing again returns the same entry. Empty when the year had no revenue or expense.
     */
    Optional<JournalEntry> closeYear(int fiscalYear, String actor);

    // ---------------------------------------------------------------- chart import

    /**
     * Adds accounts to the chart, all or none: every row is checked first and any problem refuses the whole list,
     * naming each wrong row. {@code progress} hears how many rows are written so far.
     */
    int importAccounts(List<NewAccount> accounts, java.util.function.IntConsumer progress, String actor);

    // ---------------------------------------------------------------- currencies

    ExchangeRate setRate(String currency, LocalDate date, BigDecimal rate, String actor);

    List<ExchangeRate> rates(String currency);

    // ---------------------------------------------------------------- reports

    /** Cumulative balances of every account as of the end of {@code asOf}. */
    TrialBalance trialBalance(LocalDate asOf);

    /** Movements of every account from {@code from} to {@code to}, both included. */
    TrialBalance trialBalance(LocalDate from, LocalDate to);

    ProfitAndLoss profitAndLoss(LocalDate from, LocalDate to);

    BalanceSheet balanceSheet(LocalDate asOf);

    AccountLedger accountLedger(String code, LocalDate from, LocalDate to);

    /** Recomputes the hash chain of every posted entry. */
    ChainVerification verify();
}
