package dev.tessera.erp.ledger.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tessera.erp.ledger.api.Account;
import dev.tessera.erp.ledger.api.AccountLedger;
import dev.tessera.erp.ledger.api.AccountType;
import dev.tessera.erp.ledger.api.BalanceRow;
import dev.tessera.erp.ledger.api.BalanceSheet;
import dev.tessera.erp.ledger.api.ChainVerification;
import dev.tessera.erp.ledger.api.ExchangeRate;
import dev.tessera.erp.ledger.api.FiscalPeriod;
import dev.tessera.erp.ledger.api.JournalEntry;
import dev.tessera.erp.ledger.api.JournalLine;
import dev.tessera.erp.ledger.api.LedgerErrors;
import dev.tessera.erp.ledger.api.LedgerException;
import dev.tessera.erp.ledger.api.LedgerLine;
import dev.tessera.erp.ledger.api.LedgerService;
import dev.tessera.erp.ledger.api.NewAccount;
import dev.tessera.erp.ledger.api.PeriodState;
import dev.tessera.erp.ledger.api.PostingLine;
import dev.tessera.erp.ledger.api.PostingRequest;
import dev.tessera.erp.ledger.api.ProfitAndLoss;
import dev.tessera.erp.ledger.api.StatementLine;
import dev.tessera.erp.ledger.api.TrialBalance;
import dev.tessera.erp.ledger.internal.entity.AccountEntity;
import dev.tessera.erp.ledger.internal.entity.EntryEntity;
import dev.tessera.erp.ledger.internal.entity.PeriodEntity;
import dev.tessera.erp.ledger.internal.entity.RateEntity;
import dev.tessera.platform.api.ErrorCode;
import dev.tessera.platform.api.FieldError;
import dev.tessera.platform.api.ValidationException;
import dev.tessera.platform.api.event.DomainEvent;
import dev.tessera.platform.api.event.EventPublisher;
import dev.tessera.platform.api.event.FieldChange;
import dev.tessera.platform.api.persistence.ModuleSchema;
import dev.tessera.platform.api.persistence.NumberSeries;

/**
 * The general ledger on its own tables. Every write first locks the one row where the hash chain ends
 * ({@code LDG_CHAIN}), so postings chain one after another and periods and balance rows are created once.
 */
@Component(service = LedgerService.class, configurationPid = LedgerServiceImpl.PID)
@Designate(ocd = LedgerConfig.class)
public final class LedgerServiceImpl implements LedgerService {
    static final String PID = "dev.tessera.erp.ledger";
    static final String MODULE = "erp-ledger";
    private static final Logger LOG = LoggerFactory.getLogger(LedgerServiceImpl.class);
    private static final Pattern ACCOUNT_CODE = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.\\-]{0,19}");

    private final JpaTemplate jpa;
    private final EventPublisher events;
    private final NumberSeries numbers;
    private final Currency base;
    private final int scale;
    private final FiscalCalendar calendar;
    private final String retainedEarnings;

    @Activate
    public LedgerServiceImpl(@Reference(target = "(osgi.unit.name=erp-ledger)") JpaTemplate jpa,
                             @Reference EventPublisher events, @Reference NumberSeries numbers,
                             @Reference(target = "(tessera.module=erp-ledger)") ModuleSchema schema,
                             LedgerConfig config) {
        this.jpa = jpa;
        this.events = events;
        this.numbers = numbers;
        this.base = currency(config.baseCurrency());
        this.scale = Math.max(base.getDefaultFractionDigits(), 0);
        this.calendar = calendar(config.fiscalYearStartMonth());
        this.retainedEarnings = config.retainedEarningsAccount();
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
        return base.getCurrencyCode();
    }

    // ================================================================ chart of accounts

    @Override
    public List<Account> accounts() {
        return jpa.txExpr(em -> em.createQuery("select a from AccountEntity a order by a.code", AccountEntity.class)
                .getResultList().stream().map(AccountEntity::toRecord).toList());
    }

    @Override
    public Optional<Account> account(String code) {
        return code == null ? Optional.empty()
                : jpa.txExpr(em -> Optional.ofNullable(em.find(AccountEntity.class, code)).map(AccountEntity::toRecord));
    }

    @Override
    public Account createAccount(NewAccount account) {
        List<FieldError> errors = new ArrayList<>();
        checkAccount(account, "", errors);
        ValidationException.throwIfAny(LedgerErrors.INVALID_ACCOUNT, "The account", errors);
        return jpa.txExpr(em -> {
            lockChain(em);
            if (em.find(AccountEntity.class, account.code()) != null) {
                throw new LedgerException(LedgerErrors.DUPLICATE_ACCOUNT, "Account " + account.code()
                        + " exists already; choose another code");
            }
            String parentProblem = parentProblem(em, account, Map.of());
            if (parentProblem != null) {
                throw new ValidationException(LedgerErrors.INVALID_ACCOUNT, "The account's parent must be a header"
                        + " account of the same type", List.of(new FieldError("parent", parentProblem)));
            }
            return insert(em, account);
        });
    }

    @Override
    public int importAccounts(List<NewAccount> accounts, java.util.function.IntConsumer progress) {
        List<FieldError> errors = new ArrayList<>();
        if (accounts == null || accounts.isEmpty()) {
            throw new ValidationException(LedgerErrors.INVALID_IMPORT, "There are no accounts to import",
                    List.of(new FieldError("rows", "needs at least one account")));
        }
        Map<String, NewAccount> byCode = new LinkedHashMap<>();
        for (int i = 0; i < accounts.size(); i++) {
            NewAccount account = accounts.get(i);
            String at = "rows[" + (i + 1) + "].";
            int before = errors.size();
            checkAccount(account, at, errors);
            if (errors.size() == before && byCode.putIfAbsent(account.code(), account) != null) {
                errors.add(new FieldError(at + "code", account.code() + " appears twice in the file"));
            }
        }
        return jpa.txExpr(em -> {
            lockChain(em);
            int row = 0;
            for (NewAccount account : accounts) {
                row++;
                if (account == null || account.code() == null) {
                    continue;
                }
                if (em.find(AccountEntity.class, account.code()) != null) {
                    errors.add(new FieldError("rows[" + row + "].code", account.code() + " is in the chart already"));
                }
                String parentProblem = parentProblem(em, account, byCode);
                if (parentProblem != null) {
                    errors.add(new FieldError("rows[" + row + "].parent", parentProblem));
                }
            }
            if (!errors.isEmpty()) {
                throw new ValidationException(LedgerErrors.INVALID_IMPORT, "Nothing was imported: " + errors.size()
                        + " problem(s) in " + accounts.size() + " rows; fix them and import the whole file again", errors);
            }
            // parents first, so that a child's parent exists when it is written
            List<NewAccount> ordered = new ArrayList<>(accounts);
            ordered.sort(Comparator.comparing((NewAccount a) -> !a.header()).thenComparing(NewAccount::code));
            int written = 0;
            for (NewAccount account : ordered) {
                insert(em, account);
                written++;
                if (written % 100 == 0 || written == ordered.size()) {
                    progress.accept(written);
                }
            }
            return written;
        });
    }

    private static void checkAccount(NewAccount account, String at, List<FieldError> errors) {
        if (account == null) {
            errors.add(new FieldError(at + "code", "is required"));
            return;
        }
        if (account.code() == null || !ACCOUNT_CODE.matcher(account.code()).matches()) {
            errors.add(new FieldError(at + "code", "must be 1 to 20 letters, digits, dots or hyphens, starting with a"
                    + " letter or digit, e.g. 1210"));
        }
        if (account.name() == null || account.name().isBlank() || account.name().length() > 200) {
            errors.add(new FieldError(at + "name", "is required: 1 to 200 characters"));
        }
        if (account.type() == null) {
            errors.add(new FieldError(at + "type", "is required: ASSET, LIABILITY, EQUITY, REVENUE or EXPENSE"));
        }
    }

    /** Why the account's parent will not do, or null; {@code pending} are accounts written in the same go. */
    private static String parentProblem(EntityManager em, NewAccount account, Map<String, NewAccount> pending) {
        if (account.parent() == null) {
            return null;
        }
        AccountEntity parent = em.find(AccountEntity.class, account.parent());
        boolean header = parent != null ? parent.header() : pending.containsKey(account.parent())
                && pending.get(account.parent()).header();
        AccountType type = parent != null ? parent.type() : pending.containsKey(account.parent())
                ? pending.get(account.parent()).type() : null;
        if (type == null) {
            return "'" + account.parent() + "' is not an account";
        }
        if (!header || type != account.type()) {
            return "'" + account.parent() + "' is not a header account of type " + account.type();
        }
        return null;
    }

    private Account insert(EntityManager em, NewAccount account) {
        AccountEntity created = new AccountEntity(account.code(), account.name().trim(), account.type(),
                account.parent(), account.header());
        em.persist(created);
        em.flush();
        em.createNativeQuery("INSERT INTO LDG_BALANCE (ACCOUNT, PERIOD_ID, DEBIT, CREDIT) SELECT ?, ID, 0, 0"
                + " FROM LDG_PERIOD").setParameter(1, account.code()).executeUpdate();
        Account result = created.toRecord();
        publish(em, "ledger.account.created", result.code(), "system", Map.of("code", result.code(),
                "name", result.name(), "type", result.type().name(), "header", result.header()));
        return result;
    }

    @Override
    public Account setActive(String code, boolean active) {
        return jpa.txExpr(em -> {
            AccountEntity account = em.find(AccountEntity.class, code);
            if (account == null) {
                throw new LedgerException(LedgerErrors.ACCOUNT_NOT_FOUND, "No account " + code + "; ledger:accounts lists them");
            }
            account.active(active);
            Account result = account.toRecord();
            publish(em, "ledger.account.updated", code, "system", Map.of("code", code, "active", active));
            return result;
        });
    }

    // ================================================================ posting

    @Override
    public JournalEntry post(PostingRequest request, String actor) {
        List<FieldError> shape = Posting.check(request, base);
        if (!shape.isEmpty()) {
            throw new ValidationException(LedgerErrors.INVALID_ENTRY, "The journal entry is not valid: "
                    + describe(shape), shape);
        }
        return jpa.txExpr(em -> {
            Chain chain = lockChain(em);
            if (request.sourceModule() != null) {
                Optional<EntryEntity> existing = bySource(em, request.sourceModule(), request.sourceReference());
                if (existing.isPresent()) {
                    LOG.debug("Entry {} already records {} {}", existing.get().number(), request.sourceModule(),
                            request.sourceReference());
                    return record(em, existing.get());
                }
            }
            return write(em, chain, request.date(), request.description(), request.sourceModule(),
                    request.sourceReference(), null, false, lines(em, request), actor);
        });
    }

    @Override
    public JournalEntry reverse(long entryId, LocalDate date, String reason, String actor) {
        if (reason != null && reason.length() > 300) {
            throw new ValidationException(LedgerErrors.INVALID_ENTRY, "The reason is too long",
                    List.of(new FieldError("reason", "is longer than 300 characters")));
        }
        return jpa.txExpr(em -> {
            Chain chain = lockChain(em);
            EntryEntity original = em.find(EntryEntity.class, entryId);
            if (original == null) {
                throw new LedgerException(LedgerErrors.ENTRY_NOT_FOUND, "No journal entry " + entryId);
            }
            Long reversal = reversedBy(em, entryId);
            if (reversal != null) {
                throw new LedgerException(LedgerErrors.ALREADY_REVERSED, "Entry " + original.number()
                        + " is reversed already, by " + em.find(EntryEntity.class, reversal).number());
            }
            JournalEntry posted = original.toRecord(null, scale);
            List<JournalLine> mirrored = new ArrayList<>();
            for (JournalLine line : posted.lines()) {
                mirrored.add(new JournalLine(line.line(), line.account(), line.credit(), line.debit(), line.currency(),
                        line.foreignAmount(), line.rate(), line.department(), line.project(), line.memo()));
            }
            String description = "Reversal of " + posted.number() + (reason == null || reason.isBlank() ? ""
                    : ": " + reason.trim());
            JournalEntry result = write(em, chain, date == null ? posted.date() : date, description, null, null,
                    entryId, false, mirrored, actor);
            publish(em, "ledger.journal-entry.reversed", Long.toString(entryId), actor, Map.of("number",
                    posted.number(), "reversal", result.number(), "reversalId", result.id()));
            return result;
        });
    }

    /** Resolves accounts and currencies of a request into base-currency lines; refuses what the books cannot take. */
    private List<JournalLine> lines(EntityManager em, PostingRequest request) {
        List<FieldError> errors = new ArrayList<>();
        ErrorCode first = null;
        List<JournalLine> lines = new ArrayList<>();
        Map<String, AccountEntity> accounts = new HashMap<>();
        for (int i = 0; i < request.lines().size(); i++) {
            PostingLine line = request.lines().get(i);
            String at = "lines[" + i + "].";
            String code = line.account().trim();
            AccountEntity account = accounts.computeIfAbsent(code, c -> em.find(AccountEntity.class, c));
            if (account == null) {
                errors.add(new FieldError(at + "account", "'" + code + "' is not an account of the chart"));
                first = first == null ? LedgerErrors.UNKNOWN_ACCOUNT : first;
                continue;
            }
            if (account.header()) {
                errors.add(new FieldError(at + "account", code + " is a header account; post to one of its accounts"));
                first = first == null ? LedgerErrors.ACCOUNT_NOT_POSTABLE : first;
                continue;
            }
            if (!account.active()) {
                errors.add(new FieldError(at + "account", code + " is inactive"));
                first = first == null ? LedgerErrors.ACCOUNT_INACTIVE : first;
                continue;
            }
            BigDecimal debit = line.debit() == null ? BigDecimal.ZERO : line.debit();
            BigDecimal credit = line.credit() == null ? BigDecimal.ZERO : line.credit();
            boolean foreign = line.currency() != null && !line.currency().equals(base.getCurrencyCode());
            if (!foreign) {
                lines.add(new JournalLine(i + 1, code, debit.setScale(scale), credit.setScale(scale), null, null, null,
                        line.department(), line.project(), line.memo()));
                continue;
            }
            BigDecimal rate = line.rate() != null ? line.rate() : rate(em, line.currency(), request.date());
            if (rate == null) {
                errors.add(new FieldError(at + "rate", "no " + line.currency() + " rate on or before " + request.date()
                        + "; send the rate with the line or record one (ledger:rate)"));
                first = first == null ? LedgerErrors.NO_RATE : first;
                continue;
            }
            BigDecimal amount = debit.signum() > 0 ? debit : credit;
            BigDecimal converted = Posting.toBase(amount, rate, base);
            lines.add(new JournalLine(i + 1, code, debit.signum() > 0 ? converted : BigDecimal.ZERO.setScale(scale),
                    credit.signum() > 0 ? converted : BigDecimal.ZERO.setScale(scale), line.currency(),
                    amount, rate, line.department(), line.project(), line.memo()));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(first, "The journal entry cannot be posted: " + describe(errors), errors);
        }
        return lines;
    }

    /** Writes a checked entry: period, balance, number, hash, balances, event. */
    private JournalEntry write(EntityManager em, Chain chain, LocalDate date, String description, String sourceModule,
                               String sourceReference, Long reverses, boolean closing, List<JournalLine> lines,
                               String actor) {
        PeriodEntity period = period(em, date);
        if (period.state() == PeriodState.CLOSED) {
            throw new LedgerException(LedgerErrors.PERIOD_CLOSED, "Period " + period.id() + " is closed and takes no"
                    + " postings; date the entry in an open period, or reopen " + period.id() + " (ledger:reopen-period)");
        }
        if (period.state() == PeriodState.LOCKED) {
            throw new LedgerException(LedgerErrors.PERIOD_LOCKED, "Period " + period.id() + " is locked and never"
                    + " takes postings again; date the entry in an open period");
        }
        BigDecimal debits = lines.stream().map(JournalLine::debit).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal credits = lines.stream().map(JournalLine::credit).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (debits.compareTo(credits) != 0) {
            throw new LedgerException(LedgerErrors.UNBALANCED, "The entry does not balance: debits " + debits
                    + ", credits " + credits + " " + base.getCurrencyCode() + ", a difference of "
                    + debits.subtract(credits).abs() + "; debits and credits must be equal in "
                    + base.getCurrencyCode());
        }
        int fiscalYear = period.fiscalYear();
        String series = "JE-" + fiscalYear;
        String number = NumberSeries.format(series, numbers.next(em, series));
        Instant postedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        JournalEntry draft = new JournalEntry(0, number, date, description.trim(), sourceModule, sourceReference,
                reverses, null, actor, postedAt, base.getCurrencyCode(), debits, lines, null);
        String hash = EntryHash.of(chain.lastHash(), draft);
        draft = new JournalEntry(0, number, date, draft.description(), sourceModule, sourceReference, reverses, null,
                actor, postedAt, draft.currency(), debits, lines, hash);
        EntryEntity entity = new EntryEntity(draft, period.id(), closing, chain.lastSeq() + 1, chain.lastHash());
        em.persist(entity);
        em.flush();
        em.createNativeQuery("UPDATE LDG_CHAIN SET LAST_SEQ = ?, LAST_HASH = ? WHERE ID = 1")
                .setParameter(1, chain.lastSeq() + 1).setParameter(2, hash).executeUpdate();
        Map<String, BigDecimal[]> byAccount = new TreeMap<>();
        for (JournalLine line : lines) {
            BigDecimal[] sums = byAccount.computeIfAbsent(line.account(), a -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            sums[0] = sums[0].add(line.debit());
            sums[1] = sums[1].add(line.credit());
        }
        for (Map.Entry<String, BigDecimal[]> sums : byAccount.entrySet()) {
            int updated = em.createNativeQuery("UPDATE LDG_BALANCE SET DEBIT = DEBIT + ?, CREDIT = CREDIT + ?"
                    + " WHERE ACCOUNT = ? AND PERIOD_ID = ?").setParameter(1, sums.getValue()[0])
                    .setParameter(2, sums.getValue()[1]).setParameter(3, sums.getKey()).setParameter(4, period.id())
                    .executeUpdate();
            if (updated == 0) {
                em.createNativeQuery("INSERT INTO LDG_BALANCE (ACCOUNT, PERIOD_ID, DEBIT, CREDIT) VALUES (?, ?, ?, ?)")
                        .setParameter(1, sums.getKey()).setParameter(2, period.id())
                        .setParameter(3, sums.getValue()[0]).setParameter(4, sums.getValue()[1]).executeUpdate();
            }
        }
        JournalEntry posted = entity.toRecord(null, scale);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("number", number);
        payload.put("date", date.toString());
        payload.put("description", posted.description());
        payload.put("currency", posted.currency());
        payload.put("total", posted.total().toPlainString());
        payload.put("lines", lines.size());
        if (sourceModule != null) {
            payload.put("sourceModule", sourceModule);
            payload.put("sourceReference", sourceReference);
        }
        if (reverses != null) {
            payload.put("reverses", reverses);
        }
        publish(em, "ledger.journal-entry.posted", Long.toString(posted.id()), actor, payload);
        return posted;
    }

    // ================================================================ reading entries

    @Override
    public Optional<JournalEntry> entry(long id) {
        return jpa.txExpr(em -> Optional.ofNullable(em.find(EntryEntity.class, id)).map(e -> record(em, e)));
    }

    @Override
    public Optional<JournalEntry> entryByNumber(String number) {
        return jpa.txExpr(em -> em.createQuery("select e from EntryEntity e where e.number = :n", EntryEntity.class)
                .setParameter("n", number).getResultList().stream().findFirst().map(e -> record(em, e)));
    }

    @Override
    public Optional<JournalEntry> entryBySource(String sourceModule, String sourceReference) {
        return jpa.txExpr(em -> bySource(em, sourceModule, sourceReference).map(e -> record(em, e)));
    }

    @Override
    public List<JournalEntry> entries(long afterId, int limit) {
        return jpa.txExpr(em -> {
            List<EntryEntity> page = em.createQuery("select e from EntryEntity e where e.id > :after order by e.id",
                    EntryEntity.class).setParameter("after", afterId).setMaxResults(limit).getResultList();
            if (page.isEmpty()) {
                return List.of();
            }
            Map<Long, Long> reversals = new HashMap<>();
            List<Object[]> rows = rows(em.createNativeQuery("SELECT REVERSES, ID FROM LDG_ENTRY WHERE REVERSES >= ?"
                    + " AND REVERSES <= ?").setParameter(1, page.get(0).id()).setParameter(2, page.get(page.size() - 1).id())
                    .getResultList());
            for (Object[] row : rows) {
                reversals.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
            }
            return page.stream().map(e -> e.toRecord(reversals.get(e.id()), scale)).toList();
        });
    }

    private JournalEntry record(EntityManager em, EntryEntity entity) {
        return entity.toRecord(reversedBy(em, entity.id()), scale);
    }

    private static Long reversedBy(EntityManager em, long id) {
        List<?> ids = em.createNativeQuery("SELECT ID FROM LDG_ENTRY WHERE REVERSES = ?").setParameter(1, id)
                .getResultList();
        return ids.isEmpty() ? null : ((Number) ids.get(0)).longValue();
    }

    private static Optional<EntryEntity> bySource(EntityManager em, String module, String reference) {
        return em.createQuery("select e from EntryEntity e where e.sourceModule = :m and e.sourceReference = :r",
                EntryEntity.class).setParameter("m", module).setParameter("r", reference).getResultList().stream()
                .findFirst();
    }

    // ================================================================ periods

    @Override
    public List<FiscalPeriod> periods(int fiscalYear) {
        if (fiscalYear < 1900 || fiscalYear > 9999) {
            throw new ValidationException(LedgerErrors.INVALID_ENTRY, "No such fiscal year",
                    List.of(new FieldError("year", "must be a year from 1900 to 9999, not " + fiscalYear)));
        }
        return jpa.txExpr(em -> {
            lockChain(em);
            ensureYear(em, fiscalYear);
            return em.createQuery("select p from PeriodEntity p where p.fiscalYear = :y order by p.id", PeriodEntity.class)
                    .setParameter("y", fiscalYear).getResultList().stream().map(PeriodEntity::toRecord).toList();
        });
    }

    @Override
    public FiscalPeriod closePeriod(String periodId) {
        return changePeriod(periodId, PeriodState.CLOSED);
    }

    @Override
    public FiscalPeriod reopenPeriod(String periodId) {
        return changePeriod(periodId, PeriodState.OPEN);
    }

    @Override
    public FiscalPeriod lockPeriod(String periodId) {
        return changePeriod(periodId, PeriodState.LOCKED);
    }

    private FiscalPeriod changePeriod(String periodId, PeriodState target) {
        YearMonth month;
        try {
            month = YearMonth.parse(periodId == null ? "" : periodId.trim());
        } catch (RuntimeException e) {
            throw new ValidationException(LedgerErrors.INVALID_ENTRY, "'" + periodId + "' is not a period",
                    List.of(new FieldError("period", "must be yyyy-mm, e.g. 2026-03")));
        }
        return jpa.txExpr(em -> {
            lockChain(em);
            ensureYear(em, calendar.fiscalYear(month.atDay(1)));
            PeriodEntity period = em.find(PeriodEntity.class, month.toString());
            PeriodState current = period.state();
            if (current == target) {
                return period.toRecord();
            }
            if (current == PeriodState.LOCKED) {
                throw new LedgerException(LedgerErrors.PERIOD_LOCKED, "Period " + period.id() + " is locked for good;"
                        + " it cannot be " + (target == PeriodState.OPEN ? "reopened" : "changed"));
            }
            if (target == PeriodState.LOCKED && current == PeriodState.OPEN) {
                throw new LedgerException(LedgerErrors.PERIOD_CLOSED, "Close period " + period.id()
                        + " before locking it (ledger:close-period " + period.id() + ")");
            }
            period.state(target);
            String type = switch (target) {
                case OPEN -> "ledger.period.reopened";
                case CLOSED -> "ledger.period.closed";
                case LOCKED -> "ledger.period.locked";
            };
            publish(em, type, period.id(), "system", Map.of("period", period.id(), "state", target.name()));
            LOG.info("Period {} is now {}", period.id(), target);
            return period.toRecord();
        });
    }

    /** The period of a date, with its fiscal year created (open, with zero balances) on first use. */
    private PeriodEntity period(EntityManager em, LocalDate date) {
        ensureYear(em, calendar.fiscalYear(date));
        return em.find(PeriodEntity.class, FiscalCalendar.periodId(date));
    }

    private void ensureYear(EntityManager em, int fiscalYear) {
        long existing = em.createQuery("select count(p) from PeriodEntity p where p.fiscalYear = :y", Long.class)
                .setParameter("y", fiscalYear).getSingleResult();
        if (existing > 0) {
            return;
        }
        for (YearMonth month : calendar.months(fiscalYear)) {
            em.persist(new PeriodEntity(month.toString(), fiscalYear, month.atDay(1), month.atEndOfMonth()));
        }
        em.flush();
        em.createNativeQuery("INSERT INTO LDG_BALANCE (ACCOUNT, PERIOD_ID, DEBIT, CREDIT) SELECT a.CODE, p.ID, 0, 0"
                + " FROM LDG_ACCOUNT a, LDG_PERIOD p WHERE p.FISCAL_YEAR = ?").setParameter(1, fiscalYear).executeUpdate();
        LOG.info("Fiscal year {} opened with 12 periods", fiscalYear);
    }

    @Override
    public Optional<JournalEntry> closeYear(int fiscalYear, String actor) {
        if (fiscalYear < 1900 || fiscalYear > 9999) {
            throw new ValidationException(LedgerErrors.INVALID_ENTRY, "No such fiscal year",
                    List.of(new FieldError("year", "must be a year from 1900 to 9999, not " + fiscalYear)));
        }
        return jpa.txExpr(em -> {
            Chain chain = lockChain(em);
            ensureYear(em, fiscalYear);
            List<PeriodEntity> periods = em.createQuery("select p from PeriodEntity p where p.fiscalYear = :y"
                    + " order by p.id", PeriodEntity.class).setParameter("y", fiscalYear).getResultList();
            String reference = "year-end-" + fiscalYear;
            Optional<EntryEntity> existing = bySource(em, MODULE, reference);
            JournalEntry closing = existing.map(e -> record(em, e)).orElse(null);
            if (existing.isEmpty()) {
                FiscalPeriod first = periods.get(0).toRecord();
                FiscalPeriod last = periods.get(periods.size() - 1).toRecord();
                Map<String, BigDecimal[]> sums = movements(em, first.start(), last.end());
                Map<String, AccountEntity> accounts = accountMap(em);
                List<JournalLine> lines = new ArrayList<>();
                BigDecimal result = zero();
                for (Map.Entry<String, BigDecimal[]> sum : new TreeMap<>(sums).entrySet()) {
                    AccountEntity account = accounts.get(sum.getKey());
                    BigDecimal net = sum.getValue()[0].subtract(sum.getValue()[1]).setScale(scale);
                    if (account == null || account.type().balanceSheet() || net.signum() == 0) {
                        continue;
                    }
                    // empty the account: credit a debit balance, debit a credit balance
                    lines.add(new JournalLine(lines.size() + 1, sum.getKey(), net.signum() < 0 ? net.negate() : zero(),
                            net.signum() > 0 ? net : zero(), null, null, null, null, null, null));
                    result = result.add(net.negate());
                }
                if (!lines.isEmpty()) {
                    if (result.signum() != 0) {
                        lines.add(new JournalLine(lines.size() + 1, retainedEarnings, result.signum() < 0
                                ? result.negate() : zero(), result.signum() > 0 ? result : zero(), null, null, null,
                                null, null, "Result of fiscal year " + fiscalYear));
                    }
                    AccountEntity target = em.find(AccountEntity.class, retainedEarnings);
                    if (target == null || target.header() || target.type() != AccountType.EQUITY) {
                        throw new LedgerException(LedgerErrors.INVALID_ACCOUNT, "The retained earnings account "
                                + retainedEarnings + " (etc/" + PID + ".cfg, retainedEarningsAccount) must be a postable"
                                + " equity account of the chart");
                    }
                    closing = write(em, chain, last.end(), "Year-end close of fiscal year " + fiscalYear, MODULE,
                            reference, null, true, lines, actor);
                }
            }
            for (PeriodEntity period : periods) {
                if (period.state() == PeriodState.OPEN) {
                    period.state(PeriodState.CLOSED);
                    publish(em, "ledger.period.closed", period.id(), actor, Map.of("period", period.id(),
                            "state", PeriodState.CLOSED.name()));
                }
            }
            LOG.info("Fiscal year {} closed{}", fiscalYear, closing == null ? " (no revenue or expense)"
                    : " with " + closing.number());
            return Optional.ofNullable(closing);
        });
    }

    // ================================================================ currencies

    @Override
    public ExchangeRate setRate(String currency, LocalDate date, BigDecimal rate) {
        List<FieldError> errors = new ArrayList<>();
        try {
            if (currency == null || Currency.getInstance(currency).equals(base)) {
                errors.add(new FieldError("currency", "must be a currency other than the base currency "
                        + base.getCurrencyCode()));
            }
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("currency", "'" + currency + "' is not an ISO 4217 currency code"));
        }
        if (date == null) {
            errors.add(new FieldError("date", "is required (YYYY-MM-DD)"));
        }
        if (rate == null || rate.signum() <= 0 || rate.scale() > 8 || rate.compareTo(new BigDecimal("100000000000")) >= 0) {
            errors.add(new FieldError("rate", "must be a positive number with at most 8 decimals: "
                    + base.getCurrencyCode() + " per unit of the currency"));
        }
        ValidationException.throwIfAny(LedgerErrors.INVALID_RATE, "The exchange rate", errors);
        return jpa.txExpr(em -> {
            RateEntity existing = em.find(RateEntity.class, new RateEntity.Key(currency, date));
            if (existing != null) {
                existing.rate(rate);
                return existing.toRecord();
            }
            RateEntity created = new RateEntity(currency, date, rate);
            em.persist(created);
            return created.toRecord();
        });
    }

    @Override
    public List<ExchangeRate> rates(String currency) {
        return jpa.txExpr(em -> em.createQuery("select r from RateEntity r where r.currency = :c order by r.date desc",
                RateEntity.class).setParameter("c", currency).getResultList().stream().map(RateEntity::toRecord).toList());
    }

    private static BigDecimal rate(EntityManager em, String currency, LocalDate date) {
        List<?> found = em.createNativeQuery("SELECT RATE FROM LDG_RATE WHERE CURRENCY = ? AND RATE_DATE <= ?"
                + " ORDER BY RATE_DATE DESC").setParameter(1, currency).setParameter(2, Date.valueOf(date))
                .setMaxResults(1).getResultList();
        return found.isEmpty() ? null : (BigDecimal) found.get(0);
    }

    // ================================================================ reports

    @Override
    public TrialBalance trialBalance(LocalDate asOf) {
        requireDate(asOf, "asOf");
        return jpa.txExpr(em -> trial(em, null, asOf, cumulative(em, asOf)));
    }

    @Override
    public TrialBalance trialBalance(LocalDate from, LocalDate to) {
        requireRange(from, to);
        return jpa.txExpr(em -> trial(em, from, to, movements(em, from, to)));
    }

    private TrialBalance trial(EntityManager em, LocalDate from, LocalDate to, Map<String, BigDecimal[]> sums) {
        Map<String, AccountEntity> accounts = accountMap(em);
        List<BalanceRow> rows = new ArrayList<>();
        BigDecimal totalDebit = zero();
        BigDecimal totalCredit = zero();
        for (Map.Entry<String, BigDecimal[]> sum : new TreeMap<>(sums).entrySet()) {
            BigDecimal net = sum.getValue()[0].subtract(sum.getValue()[1]);
            if (net.signum() == 0) {
                continue;
            }
            AccountEntity account = accounts.get(sum.getKey());
            BigDecimal debit = net.signum() > 0 ? net.setScale(scale) : zero();
            BigDecimal credit = net.signum() < 0 ? net.negate().setScale(scale) : zero();
            rows.add(new BalanceRow(sum.getKey(), account.toRecord().name(), account.type(), debit, credit));
            totalDebit = totalDebit.add(debit);
            totalCredit = totalCredit.add(credit);
        }
        return new TrialBalance(from, to, base.getCurrencyCode(), rows, totalDebit, totalCredit);
    }

    @Override
    public ProfitAndLoss profitAndLoss(LocalDate from, LocalDate to) {
        requireRange(from, to);
        return jpa.txExpr(em -> {
            Map<String, BigDecimal[]> sums = movements(em, from, to);
            // year-end closing entries move the result to equity; they are not part of the year's performance
            for (Object[] row : rows(em.createNativeQuery("SELECT l.ACCOUNT, SUM(l.DEBIT), SUM(l.CREDIT) FROM LDG_LINE l"
                    + " JOIN LDG_ENTRY e ON e.ID = l.ENTRY_ID WHERE e.CLOSING = ? AND e.ENTRY_DATE >= ? AND e.ENTRY_DATE <= ?"
                    + " GROUP BY l.ACCOUNT").setParameter(1, true).setParameter(2, Date.valueOf(from))
                    .setParameter(3, Date.valueOf(to)).getResultList())) {
                BigDecimal[] s = sums.computeIfAbsent((String) row[0], a -> new BigDecimal[] {zero(), zero()});
                s[0] = s[0].subtract((BigDecimal) row[1]);
                s[1] = s[1].subtract((BigDecimal) row[2]);
            }
            Map<String, AccountEntity> accounts = accountMap(em);
            List<StatementLine> revenue = statement(sums, accounts, AccountType.REVENUE);
            List<StatementLine> expenses = statement(sums, accounts, AccountType.EXPENSE);
            BigDecimal totalRevenue = total(revenue);
            BigDecimal totalExpenses = total(expenses);
            return new ProfitAndLoss(from, to, base.getCurrencyCode(), revenue, expenses, totalRevenue, totalExpenses,
                    totalRevenue.subtract(totalExpenses));
        });
    }

    @Override
    public BalanceSheet balanceSheet(LocalDate asOf) {
        requireDate(asOf, "asOf");
        return jpa.txExpr(em -> {
            Map<String, BigDecimal[]> sums = cumulative(em, asOf);
            Map<String, AccountEntity> accounts = accountMap(em);
            List<StatementLine> assets = statement(sums, accounts, AccountType.ASSET);
            List<StatementLine> liabilities = statement(sums, accounts, AccountType.LIABILITY);
            List<StatementLine> equity = statement(sums, accounts, AccountType.EQUITY);
            BigDecimal earnings = total(statement(sums, accounts, AccountType.REVENUE))
                    .subtract(total(statement(sums, accounts, AccountType.EXPENSE)));
            BigDecimal totalAssets = total(assets);
            BigDecimal totalLiabilities = total(liabilities);
            BigDecimal totalEquity = total(equity);
            boolean balanced = totalAssets.compareTo(totalLiabilities.add(totalEquity).add(earnings)) == 0;
            return new BalanceSheet(asOf, base.getCurrencyCode(), assets, liabilities, equity, totalAssets,
                    totalLiabilities, totalEquity, earnings, balanced);
        });
    }

    @Override
    public AccountLedger accountLedger(String code, LocalDate from, LocalDate to) {
        requireRange(from, to);
        return jpa.txExpr(em -> {
            AccountEntity account = em.find(AccountEntity.class, code);
            if (account == null) {
                throw new LedgerException(LedgerErrors.ACCOUNT_NOT_FOUND, "No account " + code + "; ledger:accounts lists them");
            }
            BigDecimal[] before = cumulative(em, from.minusDays(1)).getOrDefault(code, new BigDecimal[] {zero(), zero()});
            BigDecimal balance = before[0].subtract(before[1]).setScale(scale);
            BigDecimal opening = balance;
            List<LedgerLine> lines = new ArrayList<>();
            for (Object[] row : rows(em.createNativeQuery("SELECT e.ID, e.ENTRY_NUMBER, e.ENTRY_DATE, e.DESCRIPTION,"
                    + " l.DEBIT, l.CREDIT FROM LDG_LINE l JOIN LDG_ENTRY e ON e.ID = l.ENTRY_ID WHERE l.ACCOUNT = ?"
                    + " AND e.ENTRY_DATE >= ? AND e.ENTRY_DATE <= ? ORDER BY e.ENTRY_DATE, e.ID, l.LINE_NO")
                    .setParameter(1, code).setParameter(2, Date.valueOf(from)).setParameter(3, Date.valueOf(to))
                    .getResultList())) {
                BigDecimal debit = ((BigDecimal) row[4]).setScale(scale);
                BigDecimal credit = ((BigDecimal) row[5]).setScale(scale);
                balance = balance.add(debit).subtract(credit);
                lines.add(new LedgerLine(((Number) row[0]).longValue(), (String) row[1], localDate(row[2]),
                        (String) row[3], debit, credit, balance));
            }
            return new AccountLedger(account.toRecord(), from, to, opening, lines, balance);
        });
    }

    @Override
    public ChainVerification verify() {
        return jpa.txExpr(em -> {
            String previous = EntryHash.GENESIS;
            int checked = 0;
            long after = 0;
            while (true) {
                List<EntryEntity> batch = em.createQuery("select e from EntryEntity e where e.chainSeq > :after"
                        + " order by e.chainSeq", EntryEntity.class).setParameter("after", after).setMaxResults(500)
                        .getResultList();
                if (batch.isEmpty()) {
                    return new ChainVerification(checked, true, null, checked + " entries, every hash matches");
                }
                for (EntryEntity entity : batch) {
                    if (!entity.prevHash().equals(previous)) {
                        return new ChainVerification(checked, false, entity.number(), "Entry " + entity.number()
                                + " does not follow the entry before it in the chain: an entry was removed or"
                                + " inserted out of band before it");
                    }
                    String recomputed = EntryHash.of(previous, entity.toRecord(null, scale));
                    if (!recomputed.equals(entity.hash())) {
                        return new ChainVerification(checked, false, entity.number(), "Entry " + entity.number()
                                + " was changed out of band: its content no longer matches the hash it was posted with");
                    }
                    previous = entity.hash();
                    after = entity.chainSeq();
                    checked++;
                }
                em.clear();
            }
        });
    }

    // ================================================================ sums

    /** Debit and credit per account from the beginning up to the end of {@code asOf}. */
    private Map<String, BigDecimal[]> cumulative(EntityManager em, LocalDate asOf) {
        Map<String, BigDecimal[]> sums = new HashMap<>();
        add(sums, em.createNativeQuery("SELECT b.ACCOUNT, SUM(b.DEBIT), SUM(b.CREDIT) FROM LDG_BALANCE b JOIN LDG_PERIOD p"
                + " ON p.ID = b.PERIOD_ID WHERE p.END_DATE <= ? GROUP BY b.ACCOUNT").setParameter(1, Date.valueOf(asOf))
                .getResultList(), 1);
        String partial = FiscalCalendar.periodId(asOf);
        if (!asOf.equals(YearMonth.from(asOf).atEndOfMonth())) {
            add(sums, em.createNativeQuery("SELECT l.ACCOUNT, SUM(l.DEBIT), SUM(l.CREDIT) FROM LDG_LINE l JOIN LDG_ENTRY e"
                    + " ON e.ID = l.ENTRY_ID WHERE e.PERIOD_ID = ? AND e.ENTRY_DATE <= ? GROUP BY l.ACCOUNT")
                    .setParameter(1, partial).setParameter(2, Date.valueOf(asOf)).getResultList(), 1);
        }
        return sums;
    }

    /** Debit and credit per account from {@code from} to {@code to}, both included. */
    private Map<String, BigDecimal[]> movements(EntityManager em, LocalDate from, LocalDate to) {
        Map<String, BigDecimal[]> sums = cumulative(em, to);
        for (Map.Entry<String, BigDecimal[]> before : cumulative(em, from.minusDays(1)).entrySet()) {
            BigDecimal[] s = sums.computeIfAbsent(before.getKey(), a -> new BigDecimal[] {zero(), zero()});
            s[0] = s[0].subtract(before.getValue()[0]);
            s[1] = s[1].subtract(before.getValue()[1]);
        }
        return sums;
    }

    private void add(Map<String, BigDecimal[]> sums, List<?> rows, int sign) {
        for (Object[] row : rows(rows)) {
            BigDecimal[] s = sums.computeIfAbsent((String) row[0], a -> new BigDecimal[] {zero(), zero()});
            s[0] = s[0].add(((BigDecimal) row[1]).multiply(BigDecimal.valueOf(sign)));
            s[1] = s[1].add(((BigDecimal) row[2]).multiply(BigDecimal.valueOf(sign)));
        }
    }

    private List<StatementLine> statement(Map<String, BigDecimal[]> sums, Map<String, AccountEntity> accounts,
                                          AccountType type) {
        List<StatementLine> lines = new ArrayList<>();
        for (Map.Entry<String, BigDecimal[]> sum : new TreeMap<>(sums).entrySet()) {
            AccountEntity account = accounts.get(sum.getKey());
            if (account == null || account.type() != type) {
                continue;
            }
            BigDecimal net = sum.getValue()[0].subtract(sum.getValue()[1]);
            BigDecimal amount = (type.debitNormal() ? net : net.negate()).setScale(scale);
            if (amount.signum() != 0) {
                lines.add(new StatementLine(sum.getKey(), account.toRecord().name(), amount));
            }
        }
        return lines;
    }

    private BigDecimal total(List<StatementLine> lines) {
        return lines.stream().map(StatementLine::amount).reduce(zero(), BigDecimal::add);
    }

    private static Map<String, AccountEntity> accountMap(EntityManager em) {
        return em.createQuery("select a from AccountEntity a", AccountEntity.class).getResultList().stream()
                .collect(Collectors.toMap(AccountEntity::code, a -> a));
    }

    private BigDecimal zero() {
        return BigDecimal.ZERO.setScale(scale);
    }

    // ================================================================ plumbing

    /** Where the hash chain ends, locked for this transaction. */
    private record Chain(long lastSeq, String lastHash) {
    }

    private static Chain lockChain(EntityManager em) {
        em.createNativeQuery("UPDATE LDG_CHAIN SET LAST_SEQ = LAST_SEQ WHERE ID = 1").executeUpdate();
        Object[] row = (Object[]) em.createNativeQuery("SELECT LAST_SEQ, LAST_HASH FROM LDG_CHAIN WHERE ID = 1")
                .getSingleResult();
        return new Chain(((Number) row[0]).longValue(), (String) row[1]);
    }

    private void publish(EntityManager em, String type, String recordId, String actor, Map<String, Object> payload) {
        Map<String, FieldChange> changes = new LinkedHashMap<>();
        payload.forEach((k, v) -> changes.put(k, new FieldChange(null, v)));
        events.publish(em, new DomainEvent(UUID.randomUUID(), type, recordId, 1, Instant.now(), actor, payload, changes));
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(List<?> result) {
        return (List<Object[]>) result;
    }

    private static LocalDate localDate(Object value) {
        return value instanceof Date d ? d.toLocalDate() : value instanceof LocalDate l ? l
                : LocalDate.parse(value.toString().substring(0, 10));
    }

    private static void requireDate(LocalDate date, String field) {
        if (date == null) {
            throw new ValidationException(LedgerErrors.INVALID_ENTRY, "A date is required",
                    List.of(new FieldError(field, "is required (YYYY-MM-DD)")));
        }
    }

    private static void requireRange(LocalDate from, LocalDate to) {
        requireDate(from, "from");
        requireDate(to, "to");
        if (from.isAfter(to)) {
            throw new ValidationException(LedgerErrors.INVALID_ENTRY, "The range is empty",
                    List.of(new FieldError("from", "must not be after 'to' (" + to + ")")));
        }
    }

    private static String describe(List<FieldError> errors) {
        return errors.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; "));
    }
}
