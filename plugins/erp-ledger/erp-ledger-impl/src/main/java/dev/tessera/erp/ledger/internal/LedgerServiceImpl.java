package dev.tessera.erp.ledger.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tessera.erp.ledger.api.Account;
import dev.tessera.erp.ledger.api.AccountLedger;
import dev.tessera.erp.ledger.api.BalanceSheet;
import dev.tessera.erp.ledger.api.ChainVerification;
import dev.tessera.erp.ledger.api.ExchangeRate;
import dev.tessera.erp.ledger.api.FiscalPeriod;
import dev.tessera.erp.ledger.api.JournalEntry;
import dev.tessera.erp.ledger.api.LedgerErrors;
import dev.tessera.erp.ledger.api.LedgerService;
import dev.tessera.erp.ledger.api.NewAccount;
import dev.tessera.erp.ledger.api.PeriodState;
import dev.tessera.erp.ledger.api.PostingRequest;
import dev.tessera.erp.ledger.api.ProfitAndLoss;
import dev.tessera.erp.ledger.api.TrialBalance;
import dev.tessera.platform.api.FieldError;
import dev.tessera.platform.api.ValidationException;
import dev.tessera.platform.api.event.EventPublisher;
import dev.tessera.platform.api.persistence.ModuleSchema;
import dev.tessera.platform.api.persistence.NumberSeries;
import dev.tessera.platform.api.persistence.Transactions;

/**
 * The general ledger's service: each operation one transaction around the part of the books it concerns — the
 * {@link Chart}, the {@link Journal}, the {@link Periods} and the {@link YearEnd} close, the {@link Rates} and the
 * {@link Reports}.
 */
@Component(service = LedgerService.class, configurationPid = LedgerServiceImpl.PID)
@Designate(ocd = LedgerConfig.class)
public final class LedgerServiceImpl implements LedgerService {
    static final String PID = "dev.tessera.erp.ledger";
    static final String MODULE = "erp-ledger";
    private static final Logger LOG = LoggerFactory.getLogger(LedgerServiceImpl.class);

    private final Transactions transactions;
    private final Books books;
    private final Chart chart;
    private final Periods periods;
    private final Journal journal;
    private final YearEnd yearEnd;
    private final Rates rates;
    private final Reports reports;

    @Activate
    public LedgerServiceImpl(@Reference Transactions transactions, @Reference EventPublisher publisher,
                             @Reference NumberSeries numbers,
                             @Reference(target = "(tessera.module=erp-ledger)") ModuleSchema schema,
                             LedgerConfig config) {
        this.transactions = transactions;
        Currency base = currency(config.baseCurrency());
        this.books = new Books(base, Math.max(base.getDefaultFractionDigits(), 0), calendar(config.fiscalYearStartMonth()),
                config.retainedEarningsAccount());
        LedgerPublisher events = new LedgerPublisher(publisher);
        this.chart = new Chart(events);
        this.periods = new Periods(books, events);
        this.journal = new Journal(books, periods, numbers, events);
        this.reports = new Reports(books);
        this.yearEnd = new YearEnd(books, periods, journal, reports);
        this.rates = new Rates(books, events);
    }

    private static Currency currency(String code) {
        try {
            return Currency.getInstance(code.trim());
        } catch (RuntimeException e) {
            LOG.error("etc/{}.cfg: baseCurrency = '{}' is not an ISO 4217 code; the ledger uses EUR", PID, code);
            return Currency.getInstance("EUR");
        }
    }

    private static FiscalCalendar calendar(int startMonth) {
        if (startMonth < 1 || startMonth > 12) {
            LOG.error("etc/{}.cfg: fiscalYearStartMonth = {} is not a month (1-12); fiscal years start in January",
                    PID, startMonth);
            return new FiscalCalendar(1);
        }
        return new FiscalCalendar(startMonth);
    }

    @Override
    public String baseCurrency() {
        return books.currency();
    }

    // ================================================================ chart of accounts

    @Override
    public List<Account> accounts() {
        return transactions.required(Chart::all);
    }

    @Override
    public Optional<Account> account(String code) {
        return code == null ? Optional.empty() : transactions.required(db -> Chart.find(db, code));
    }

    @Override
    public Account createAccount(NewAccount account, String actor) {
        return transactions.required(db -> chart.create(db, account, actor));
    }

    @Override
    public int importAccounts(List<NewAccount> accounts, IntConsumer progress, String actor) {
        return transactions.required(db -> chart.importAll(db, accounts, progress, actor));
    }

    @Override
    public Account setActive(String code, boolean active, String actor) {
        return transactions.required(db -> chart.setActive(db, code, active, actor));
    }

    // ================================================================ journal

    @Override
    public JournalEntry post(PostingRequest request, String actor) {
        return transactions.required(db -> journal.post(db, request, actor));
    }

    @Override
    public JournalEntry postManual(PostingRequest request, String actor) {
        if (request != null && (request.sourceModule() != null || request.sourceReference() != null)) {
            String field = request.sourceModule() != null ? "sourceModule" : "sourceReference";
            throw new ValidationException(LedgerErrors.SOURCE_RESERVED, "A manual entry names no source: sourceModule"
                    + " and sourceReference are the documents other modules book through their posting rules. Leave"
                    + " them out (send an Idempotency-Key header to make a retry safe)",
                    List.of(new FieldError(field, "is for other modules' postings; leave it out of a manual entry")));
        }
        return post(request, actor);
    }

    @Override
    public JournalEntry reverse(long entryId, LocalDate date, String reason, String actor) {
        return transactions.required(db -> journal.reverse(db, entryId, date, reason, actor));
    }

    @Override
    public Optional<JournalEntry> entry(long id) {
        return transactions.required(db -> journal.entry(db, id));
    }

    @Override
    public Optional<JournalEntry> entryByNumber(String number) {
        return transactions.required(db -> journal.byNumber(db, number));
    }

    @Override
    public Optional<JournalEntry> entryBySource(String sourceModule, String sourceReference) {
        return transactions.required(db -> journal.bySource(db, sourceModule, sourceReference));
    }

    @Override
    public List<JournalEntry> entries(long afterId, int limit) {
        return transactions.required(db -> journal.page(db, afterId, limit));
    }

    @Override
    public ChainVerification verify() {
        return transactions.required(journal::verify);
    }

    // ================================================================ periods

    @Override
    public List<FiscalPeriod> periods(int fiscalYear) {
        Periods.requireYear(fiscalYear);
        return transactions.required(db -> {
            Journal.lockChain(db);
            return periods.year(db, fiscalYear);
        });
    }

    @Override
    public FiscalPeriod closePeriod(String periodId, String actor) {
        return changePeriod(periodId, PeriodState.CLOSED, actor);
    }

    @Override
    public FiscalPeriod reopenPeriod(String periodId, String actor) {
        return changePeriod(periodId, PeriodState.OPEN, actor);
    }

    @Override
    public FiscalPeriod lockPeriod(String periodId, String actor) {
        return changePeriod(periodId, PeriodState.LOCKED, actor);
    }

    private FiscalPeriod changePeriod(String periodId, PeriodState target, String actor) {
        return transactions.required(db -> {
            Journal.lockChain(db);
            return periods.change(db, periodId, target, actor);
        });
    }

    @Override
    public Optional<JournalEntry> closeYear(int fiscalYear, String actor) {
        return transactions.required(db -> yearEnd.close(db, fiscalYear, actor));
    }

    // ================================================================ currencies

    @Override
    public ExchangeRate setRate(String currency, LocalDate date, BigDecimal rate, String actor) {
        return transactions.required(db -> rates.set(db, currency, date, rate, actor));
    }

    @Override
    public List<ExchangeRate> rates(String currency) {
        return transactions.required(db -> Rates.of(db, currency));
    }

    // ================================================================ reports

    @Override
    public TrialBalance trialBalance(LocalDate asOf) {
        return transactions.required(db -> reports.trialBalance(db, asOf));
    }

    @Override
    public TrialBalance trialBalance(LocalDate from, LocalDate to) {
        return transactions.required(db -> reports.trialBalance(db, from, to));
    }

    @Override
    public ProfitAndLoss profitAndLoss(LocalDate from, LocalDate to) {
        return transactions.required(db -> reports.profitAndLoss(db, from, to));
    }

    @Override
    public BalanceSheet balanceSheet(LocalDate asOf) {
        return transactions.required(db -> reports.balanceSheet(db, asOf));
    }

    @Override
    public AccountLedger accountLedger(String code, LocalDate from, LocalDate to) {
        return transactions.required(db -> reports.accountLedger(db, code, from, to));
    }
}
