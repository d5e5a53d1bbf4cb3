package dev.tessera.crm.pipeline.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

import dev.tessera.crm.pipeline.api.Account;
import dev.tessera.crm.pipeline.api.Accounts;
import dev.tessera.crm.pipeline.api.Activity;
import dev.tessera.crm.pipeline.api.ActivityType;
import dev.tessera.crm.pipeline.api.Contact;
import dev.tessera.crm.pipeline.api.Deals;
import dev.tessera.crm.pipeline.api.DuplicateCandidate;
import dev.tessera.crm.pipeline.api.DuplicateLeadException;
import dev.tessera.crm.pipeline.api.DuplicatePair;
import dev.tessera.crm.pipeline.api.Forecast;
import dev.tessera.crm.pipeline.api.Lead;
import dev.tessera.crm.pipeline.api.LeadMarketing;
import dev.tessera.crm.pipeline.api.LeadStatus;
import dev.tessera.crm.pipeline.api.Leads;
import dev.tessera.crm.pipeline.api.MatchKind;
import dev.tessera.crm.pipeline.api.NewAccount;
import dev.tessera.crm.pipeline.api.NewActivity;
import dev.tessera.crm.pipeline.api.NewContact;
import dev.tessera.crm.pipeline.api.NewLead;
import dev.tessera.crm.pipeline.api.NewOpportunity;
import dev.tessera.crm.pipeline.api.NewQuote;
import dev.tessera.crm.pipeline.api.Opportunity;
import dev.tessera.crm.pipeline.api.OpportunityStatus;
import dev.tessera.crm.pipeline.api.PipelineErrors;
import dev.tessera.crm.pipeline.api.Qualification;
import dev.tessera.crm.pipeline.api.Qualified;
import dev.tessera.crm.pipeline.api.Quote;
import dev.tessera.crm.pipeline.api.QuoteStatus;
import dev.tessera.crm.pipeline.api.Quotes;
import dev.tessera.crm.pipeline.api.Stage;
import dev.tessera.crm.pipeline.api.StageChange;
import dev.tessera.crm.pipeline.api.event.PipelineEvents;
import dev.tessera.erp.inventory.api.Catalog;
import dev.tessera.erp.inventory.api.StockService;
import dev.tessera.erp.ledger.api.TaxService;
import dev.tessera.platform.api.FieldError;
import dev.tessera.platform.api.ModuleManager;
import dev.tessera.platform.api.TesseraException;
import dev.tessera.platform.api.ValidationException;
import dev.tessera.platform.api.event.EventPublisher;
import dev.tessera.platform.api.persistence.ModuleSchema;
import dev.tessera.platform.api.persistence.Transactions;
import dev.tessera.platform.support.Changes;
import dev.tessera.platform.support.Neighbours;
import dev.tessera.platform.support.Sql;

/**
 * The pipeline's services, each operation one transaction. The inventory's catalog and stock and the ledger's tax
 * engine are optional and dynamic: when their module is disabled the pipeline keeps running (manual prices, no tax)
 * and picks them up again when it returns, without restarting.
 */
@Component(service = {Accounts.class, Leads.class, Deals.class, Quotes.class}, configurationPid = PipelineImpl.PID)
@Designate(ocd = PipelineConfig.class)
public final class PipelineImpl implements Accounts, Leads, Deals, Quotes {
    static final String PID = "dev.tessera.crm.pipeline";
    static final int MAX_IMPORT = 50_000;
    static final int MAX_PAIRS = 1000;

    private final Transactions transactions;
    private final ModuleManager modules;
    private final PipelineStore store;
    private final LeadStore leadStore;
    private final QuoteStore quoteStore;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Catalog catalog;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile StockService stock;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile TaxService taxes;

    @Activate
    public PipelineImpl(@Reference Transactions transactions,
                        @Reference EventPublisher events,
                        @Reference(target = "(tessera.module=crm-pipeline)") ModuleSchema schema,
                        PipelineConfig config, @Reference ModuleManager modules) {
        this.transactions = transactions;
        this.modules = modules;
        this.store = new PipelineStore(events, Settings.of(config));
        this.leadStore = new LeadStore(events);
        this.quoteStore = new QuoteStore(events, store);
    }

    // ================================================================ accounts

    @Override
    public List<Account> accounts(long afterId, int limit) {
        return transactions.required(db -> store.accounts(db, afterId, limit));
    }

    @Override
    public Optional<Account> account(long id) {
        return transactions.required(db -> store.account(db, id));
    }

    @Override
    public Account createAccount(NewAccount account, String actor) {
        return transactions.required(db -> store.createAccount(db, account, actor));
    }

    @Override
    public Account updateAccount(long id, NewAccount changes, String actor) {
        return transactions.required(db -> store.updateAccount(db, id, changes, actor));
    }

    @Override
    public List<Contact> contacts(long accountId) {
        return transactions.required(db -> {
            store.requireAccount(db, accountId);
            return store.contacts(db, accountId);
        });
    }

    @Override
    public Optional<Contact> contact(long id) {
        return transactions.required(db -> store.contact(db, id));
    }

    @Override
    public Contact createContact(NewContact contact, String actor) {
        return transactions.required(db -> store.createContact(db, contact, actor));
    }

    @Override
    public Contact updateContact(long id, NewContact changes, String actor) {
        return transactions.required(db -> store.updateContact(db, id, changes, actor));
    }

    // ================================================================ leads

    @Override
    public List<Lead> leads(LeadStatus status, long afterId, int limit) {
        return transactions.required(db -> leadStore.leads(db, status, afterId, limit));
    }

    @Override
    public Optional<Lead> lead(long id) {
        return transactions.required(db -> leadStore.lead(db, id));
    }

    @Override
    public Optional<LeadMarketing> marketing(long leadId) {
        return transactions.required(db -> Optional.ofNullable(Sql.row(db, "SELECT LEAD_ID, QUALIFIED, POINTS,"
                + " SCORED_AT, FIRST_CAMPAIGN, FIRST_TOUCH_AT FROM PIP_LEAD_MARKETING WHERE LEAD_ID = ?", leadId))
                .map(r -> new LeadMarketing(Sql.longValue(r[0]), Sql.bool(r[1]), Sql.decimal(r[2]),
                        r[3] == null ? null : Sql.instant(r[3]), Sql.text(r[4]), r[5] == null ? null
                        : Sql.instant(r[5]))));
    }

    @Override
    public Lead createLead(NewLead lead, boolean force, String actor) {
        List<FieldError> errors = new ArrayList<>();
        LeadStore.CheckedLead checked = LeadStore.checkLead(lead, "", errors);
        ValidationException.throwIfAny(PipelineErrors.INVALID, "The lead", errors);
        return transactions.required(db -> {
            if (!force) {
                List<DuplicateCandidate> candidates = leadStore.matches(db, checked, 0);
                if (!candidates.isEmpty()) {
                    throw new DuplicateLeadException("The lead looks like " + candidates.size() + " lead(s) captured"
                            + " already (" + describe(candidates) + "); work the existing one, or create it anyway"
                            + " with force", candidates);
                }
            }
            return leadStore.insertLead(db, checked, actor);
        });
    }

    @Override
    public List<DuplicateCandidate> matches(NewLead lead) {
        List<FieldError> errors = new ArrayList<>();
        LeadStore.CheckedLead checked = LeadStore.checkLead(lead, "", errors);
        ValidationException.throwIfAny(PipelineErrors.INVALID, "The lead", errors);
        return transactions.required(db -> leadStore.matches(db, checked, 0));
    }

    @Override
    public int importLeads(List<NewLead> leads, IntConsumer progress, String actor) {
        List<FieldError> errors = new ArrayList<>();
        if (leads == null || leads.isEmpty()) {
            throw new ValidationException(PipelineErrors.INVALID_IMPORT, "There are no leads to import",
                    List.of(new FieldError("rows", "needs at least one lead")));
        }
        if (leads.size() > MAX_IMPORT) {
            throw new ValidationException(PipelineErrors.INVALID_IMPORT, "The file has " + leads.size()
                    + " leads; import at most " + MAX_IMPORT + " at once",
                    List.of(new FieldError("rows", "at most " + MAX_IMPORT)));
        }
        List<LeadStore.CheckedLead> checked = new ArrayList<>();
        for (int i = 0; i < leads.size(); i++) {
            checked.add(LeadStore.checkLead(leads.get(i), "rows[" + (i + 1) + "].", errors));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(PipelineErrors.INVALID_IMPORT, "Nothing was imported: " + errors.size()
                    + " problem(s) in " + leads.size() + " rows; fix them and import the whole file again", errors);
        }
        return transactions.required(db -> {
            int written = 0;
            for (LeadStore.CheckedLead lead : checked) {
                leadStore.insertLead(db, lead, actor);
                written++;
                if (written % 100 == 0 || written == checked.size()) {
                    progress.accept(written);
                }
            }
            return written;
        });
    }

    private static LeadStore.Keys keys(Object[] openLead) {
        return new LeadStore.Keys((String) openLead[1], (String) openLead[2], (String) openLead[3],
                Matching.companyKey((String) openLead[6]));
    }

    @Override
    public List<DuplicatePair> duplicates() {
        return transactions.required(db -> {
            List<Object[]> open = leadStore.openLeadKeys(db);
            Map<String, List<Object[]>> blocks = new HashMap<>();
            for (Object[] r : open) {
                // the same person shares the e-mail or the start or end of the folded name
                for (String key : new String[] {"e" + r[1], "h" + r[4], "t" + r[5]}) {
                    if (key.length() > 1 && !key.endsWith("null")) {
                        blocks.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
                    }
                }
            }
            Set<String> seen = new LinkedHashSet<>();
            List<long[]> pairs = new ArrayList<>();
            Map<String, Set<MatchKind>> kinds = new HashMap<>();
            for (List<Object[]> block : blocks.values()) {
                for (int i = 0; i < block.size() && pairs.size() < MAX_PAIRS; i++) {
                    for (int j = i + 1; j < block.size() && pairs.size() < MAX_PAIRS; j++) {
                        Object[] a = block.get(i);
                        Object[] b = block.get(j);
                        long ida = Sql.longValue(a[0]);
                        long idb = Sql.longValue(b[0]);
                        String key = Math.min(ida, idb) + ":" + Math.max(ida, idb);
                        if (seen.contains(key)) {
                            continue;
                        }
                        Set<MatchKind> matched = LeadStore.kinds(keys(a), keys(b));
                        if (!matched.isEmpty()) {
                            seen.add(key);
                            pairs.add(new long[] {Math.min(ida, idb), Math.max(ida, idb)});
                            kinds.put(key, matched);
                        }
                    }
                }
            }
            pairs.sort((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
            List<DuplicatePair> result = new ArrayList<>();
            for (long[] pair : pairs) {
                result.add(new DuplicatePair(leadStore.requireLead(db, pair[0]), leadStore.requireLead(db, pair[1]),
                        kinds.get(pair[0] + ":" + pair[1])));
            }
            return result;
        });
    }

    @Override
    public Lead merge(long keep, long duplicate, String actor) {
        if (keep == duplicate) {
            throw new ValidationException(PipelineErrors.INVALID, "A lead cannot be merged into itself",
                    List.of(new FieldError("duplicate", "must be another lead than " + keep)));
        }
        return transactions.required(db -> {
            Lead kept = leadStore.requireLead(db, keep);
            Lead dup = leadStore.requireLead(db, duplicate);
            if (kept.status() != LeadStatus.OPEN && kept.status() != LeadStatus.QUALIFIED) {
                throw new TesseraException(PipelineErrors.LEAD_CLOSED, "Lead " + keep + " is "
                        + kept.status().name().toLowerCase(Locale.ROOT) + "; merge into an open or qualified lead");
            }
            leadStore.requireOpenLead(dup);
            leadStore.absorb(db, kept, dup);
            Sql.execute(db, "UPDATE PIP_ACTIVITY SET LEAD_ID = ? WHERE LEAD_ID = ?", keep, duplicate);
            store.insertActivity(db, ActivityType.NOTE, "Merged lead " + duplicate + " into this one",
                    dup.name() + (dup.email() == null ? "" : " <" + dup.email() + ">")
                            + (dup.company() == null ? "" : ", " + dup.company())
                            + (dup.source() == null ? "" : ", source " + dup.source())
                            + ", captured " + dup.createdAt(), null, null, keep, kept.opportunityId(), actor, null,
                    actor);
            leadStore.closeLead(db, dup, LeadStatus.MERGED, keep, null, PipelineEvents.LEAD_MERGED, actor, null, null, null);
            return leadStore.requireLead(db, keep);
        });
    }

    @Override
    public Qualified qualify(long leadId, Qualification qualification, String actor) {
        Qualification q = qualification == null ? new Qualification(null, null, null, null, null, null) : qualification;
        LocalDate today = today();
        return transactions.required(db -> {
            Lead lead = leadStore.requireLead(db, leadId);
            leadStore.requireOpenLead(lead);
            Account account;
            Long accountId = q.accountId() != null ? q.accountId() : lead.likelyAccountId();
            if (accountId != null) {
                account = store.account(db, accountId).orElseThrow(() -> new ValidationException(
                        PipelineErrors.INVALID, "No account " + accountId,
                        List.of(new FieldError("accountId", accountId + " is not an account"))));
            } else {
                account = store.createAccount(db, new NewAccount(lead.company() == null ? lead.name() : lead.company(),
                        lead.domain(), null, null, q.owner() == null ? lead.owner() : q.owner(), null), actor);
            }
            Contact contact = store.createContact(db, new NewContact(account.id(), lead.name(), lead.email(),
                    lead.phone(), null), actor);
            Opportunity deal = store.createOpportunity(db, new NewOpportunity(account.id(),
                    q.opportunityName() == null ? account.name() : q.opportunityName(), null, q.amount(),
                    q.currency(), q.expectedClose(), q.owner() == null ? lead.owner() : q.owner(), lead.source()),
                    leadId, null, null, today, actor);
            Sql.execute(db, "UPDATE PIP_ACTIVITY SET ACCOUNT_ID = ?, CONTACT_ID = ?, OPPORTUNITY_ID = ?"
                    + " WHERE LEAD_ID = ? AND OPPORTUNITY_ID IS NULL", account.id(), contact.id(), deal.id(), leadId);
            Lead qualified = leadStore.closeLead(db, lead, LeadStatus.QUALIFIED, null, deal.id(),
                    PipelineEvents.LEAD_QUALIFIED, actor, account.id(), contact.id(), null);
            return new Qualified(qualified, account, contact, deal);
        });
    }

    @Override
    public Lead disqualify(long leadId, String reason, String actor) {
        List<FieldError> errors = new ArrayList<>();
        String why = Changes.text(reason, "reason", 500, true, errors);
        ValidationException.throwIfAny(PipelineErrors.INVALID, "The disqualification", errors);
        return transactions.required(db -> {
            Lead lead = leadStore.requireLead(db, leadId);
            leadStore.requireOpenLead(lead);
            return leadStore.closeLead(db, lead, LeadStatus.DISQUALIFIED, null, null, PipelineEvents.LEAD_DISQUALIFIED,
                    actor, null, null, why);
        });
    }

    private static String describe(List<DuplicateCandidate> candidates) {
        List<String> parts = new ArrayList<>();
        for (DuplicateCandidate c : candidates.subList(0, Math.min(3, candidates.size()))) {
            parts.add("lead " + c.leadId() + " " + c.name() + " by "
                    + String.join("+", c.matches().stream().map(m -> m.name().toLowerCase(Locale.ROOT)).toList()));
        }
        return String.join("; ", parts) + (candidates.size() > 3 ? "; ..." : "");
    }

    // ================================================================ deals

    @Override
    public List<Stage> stages() {
        return store.settings().stages();
    }

    @Override
    public List<Opportunity> opportunities(OpportunityStatus status, Long accountId, String owner, long afterId,
                                           int limit) {
        Sql.Where where = new Sql.Where("ID > ?", afterId).and("STATUS", status).and("ACCOUNT_ID", accountId)
                .and("OWNER", owner);
        return transactions.required(db -> store.opportunities(db, where, limit, Instant.now()));
    }

    @Override
    public Optional<Opportunity> opportunity(long id) {
        return transactions.required(db -> store.opportunity(db, id, Instant.now()));
    }

    @Override
    public Opportunity createOpportunity(NewOpportunity opportunity, String actor) {
        LocalDate today = today();
        return transactions.required(db -> store.createOpportunity(db, opportunity, null, null, null, today, actor));
    }

    @Override
    public Opportunity moveStage(long id, String stage, String actor) {
        Stage to = store.settings().stage(stage).orElseThrow(() -> new ValidationException(PipelineErrors.UNKNOWN_STAGE,
                "Unknown stage '" + stage + "'", List.of(new FieldError("stage", "must be one of "
                + store.openStageNames() + " (or win / lose the deal)"))));
        if (to.closed()) {
            throw new ValidationException(PipelineErrors.INVALID, "A deal is " + to.name() + " with a reason",
                    List.of(new FieldError("stage", "use won or lost (pipeline:won, pipeline:lost or POST .../won|lost)"
                            + " to close a deal with its reason")));
        }
        return transactions.required(db -> store.moveStage(db, id, to, null, null, actor));
    }

    @Override
    public Opportunity win(long id, String reason, String actor) {
        String why = reason(reason, false);
        return transactions.required(db -> store.moveStage(db, id, store.settings().won(), why, null, actor));
    }

    @Override
    public Opportunity lose(long id, String reason, String actor) {
        String why = reason(reason, true);
        return transactions.required(db -> store.moveStage(db, id, store.settings().lost(), why, null, actor));
    }

    private static String reason(String reason, boolean required) {
        List<FieldError> errors = new ArrayList<>();
        String why = Changes.text(reason, "reason", 500, required, errors);
        ValidationException.throwIfAny(PipelineErrors.INVALID, "The reason", errors);
        return why;
    }

    @Override
    public List<StageChange> stageHistory(long id) {
        return transactions.required(db -> store.stageHistory(db, id));
    }

    @Override
    public List<Opportunity> stuck(LocalDate today) {
        Instant now = (today == null ? today() : today).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return transactions.required(db -> store.opportunities(db, new Sql.Where("STATUS = 'OPEN'"), Integer.MAX_VALUE, now))
                .stream().filter(Opportunity::stuck).toList();
    }

    @Override
    public List<Activity> activities(Long accountId, Long leadId, Long opportunityId, String owner, long afterId,
                                     int limit) {
        Sql.Where where = new Sql.Where("ID > ?", afterId).and("ACCOUNT_ID", accountId).and("LEAD_ID", leadId)
                .and("OPPORTUNITY_ID", opportunityId).and("OWNER", owner);
        return transactions.required(db -> store.activities(db, where, "ID", limit));
    }


    @Override
    public Activity logActivity(NewActivity activity, String actor) {
        return transactions.required(db -> store.logActivity(db, activity, actor));
    }

    @Override
    public Activity completeTask(long id, String actor) {
        return transactions.required(db -> {
            Activity task = store.activity(db, id).orElseThrow(() -> new TesseraException(
                    PipelineErrors.ACTIVITY_NOT_FOUND, "No activity " + id));
            if (task.type() != ActivityType.TASK) {
                throw new ValidationException(PipelineErrors.INVALID, "Activity " + id + " is a "
                        + task.type().name().toLowerCase(Locale.ROOT) + ", not a task",
                        List.of(new FieldError("id", "only tasks are completed")));
            }
            if (task.doneAt() != null) {
                return task;
            }
            Instant now = Instant.now();
            Sql.execute(db, "UPDATE PIP_ACTIVITY SET DONE_AT = ? WHERE ID = ?", now, id);
            if (task.opportunityId() != null) {
                Sql.execute(db, "UPDATE PIP_OPPORTUNITY SET LAST_ACTIVITY_AT = ? WHERE ID = ?", now,
                        task.opportunityId());
            }
            Activity done = store.activity(db, id).orElseThrow();
            store.changed(db, PipelineEvents.ACTIVITY_COMPLETED, id, 2, actor, PipelineStore.details(task),
                    PipelineStore.details(done));
            return done;
        });
    }

    @Override
    public List<Activity> overdue(String owner, LocalDate today) {
        LocalDate day = today == null ? today() : today;
        Sql.Where where = new Sql.Where("TYPE = 'TASK' AND DONE_AT IS NULL AND DUE < ?", day).and("OWNER", owner);
        return transactions.required(db -> store.activities(db, where, "DUE, ID", Integer.MAX_VALUE));
    }

    @Override
    public Forecast forecast(LocalDate from, LocalDate to) {
        LocalDate start = (from == null ? today().withDayOfMonth(1) : from.withDayOfMonth(1));
        LocalDate end = to == null ? start.plusMonths(12).minusDays(1) : to.withDayOfMonth(to.lengthOfMonth());
        if (end.isBefore(start)) {
            throw new ValidationException(PipelineErrors.INVALID, "The forecast period ends before it starts",
                    List.of(new FieldError("to", "must not be before from (" + start + ")")));
        }
        Currency currency = store.settings().currency();
        List<ForecastMath.Deal> deals = transactions.required(db -> Sql.rows(db, "SELECT STATUS, OWNER, SOURCE, AMOUNT,"
                + " PROBABILITY, EXPECTED_CLOSE, CLOSED_ON FROM PIP_OPPORTUNITY WHERE CURRENCY = ? AND ((STATUS = 'OPEN'"
                + " AND EXPECTED_CLOSE BETWEEN ? AND ?) OR (STATUS <> 'OPEN' AND CLOSED_ON BETWEEN ? AND ?))",
                currency.getCurrencyCode(), start, end, start, end).stream()
                .map(r -> new ForecastMath.Deal(OpportunityStatus.valueOf((String) r[0]), (String) r[1], (String) r[2],
                        Sql.decimal(r[3]), Sql.intValue(r[4]), Sql.date(r[5]), Sql.date(r[6]))).toList());
        return ForecastMath.compute(deals, currency.getCurrencyCode(), Math.max(0, currency.getDefaultFractionDigits()),
                store.settings().commitProbability(), start, end);
    }

    // ================================================================ quotes

    @Override
    public List<Quote> quotes(long opportunityId) {
        return transactions.required(db -> quoteStore.quotes(db, opportunityId));
    }

    @Override
    public Optional<Quote> quote(long id) {
        return transactions.required(db -> quoteStore.quote(db, id));
    }

    @Override
    public Quote preview(long opportunityId, NewQuote quote) {
        Opportunity deal = openDeal(opportunityId);
        Priced priced = price(deal, quote);
        return new Quote(0, null, 0, deal.id(), deal.accountId(), QuoteStatus.OPEN, priced.currency.getCurrencyCode(),
                priced.validUntil, priced.priced.lines(), priced.priced.net(), priced.priced.tax(), priced.priced.gross(),
                priced.priced.taxCalculated(), priced.priced.unverifiedPrices(), false, null, Instant.now(), null);
    }

    @Override
    public Quote createQuote(long opportunityId, NewQuote quote, String actor) {
        Opportunity deal = openDeal(opportunityId);
        // priced before the transaction: the catalog and tax engine are the neighbours' services, read-only here
        Priced priced = price(deal, quote);
        return transactions.required(db -> {
            Opportunity current = store.requireOpportunity(db, opportunityId);
            if (current.status() != OpportunityStatus.OPEN) {
                throw closed(current);
            }
            return quoteStore.insertQuote(db, current, priced.currency, quote.customerGroup(), priced.validUntil,
                    priced.priced, actor);
        });
    }

    @Override
    public Quote accept(long id, LocalDate today, String actor) {
        LocalDate day = today == null ? today() : today;
        return transactions.required(db -> {
            Quote accepted = quoteStore.decide(db, id, QuoteStatus.ACCEPTED, null, day, actor);
            Opportunity deal = store.requireOpportunity(db, accepted.opportunityId());
            if (deal.status() == OpportunityStatus.OPEN) {
                // an accepted quote wins the deal, for the quote's net amount when it is in the deal's currency
                BigDecimal amount = accepted.currency().equals(deal.amount().currency().getCurrencyCode())
                        ? accepted.net() : null;
                store.moveStage(db, deal.id(), store.settings().won(), "Quote " + accepted.number() + " revision "
                        + accepted.revision() + " accepted", amount, actor);
            }
            return accepted;
        });
    }

    @Override
    public Quote reject(long id, String reason, String actor) {
        String why = reason(reason, false);
        return transactions.required(db -> quoteStore.decide(db, id, QuoteStatus.REJECTED, why, today(), actor));
    }

    private record Priced(Currency currency, LocalDate validUntil, QuotePricing.Priced priced) {
    }

    private Priced price(Opportunity deal, NewQuote quote) {
        List<FieldError> errors = new ArrayList<>();
        if (quote == null) {
            throw new ValidationException(PipelineErrors.INVALID, "The quote is required",
                    List.of(new FieldError("(body)", "is required")));
        }
        Currency currency = quote.currency() == null ? deal.amount().currency()
                : store.currency(quote.currency(), "currency", errors);
        LocalDate today = today();
        LocalDate validUntil = quote.validUntil() == null ? today.plusDays(store.settings().quoteValidityDays())
                : quote.validUntil();
        if (validUntil.isBefore(today)) {
            errors.add(new FieldError("validUntil", "is in the past (" + validUntil + "); a quote is valid today or"
                    + " later"));
        }
        Changes.text(quote.customerGroup(), "customerGroup", 50, false, errors);
        ValidationException.throwIfAny(PipelineErrors.INVALID, "The quote", errors);
        return new Priced(currency, validUntil, QuotePricing.price(quote, currency,
                store.settings().defaultTaxCode(), today,
                Neighbours.optional(catalog, "erp-inventory", modules), Neighbours.optional(stock, "erp-inventory", modules),
                Neighbours.optional(taxes, "erp-ledger", modules)));
    }

    private Opportunity openDeal(long id) {
        Opportunity deal = opportunity(id).orElseThrow(() -> new TesseraException(PipelineErrors.OPPORTUNITY_NOT_FOUND,
                "No opportunity " + id));
        if (deal.status() != OpportunityStatus.OPEN) {
            throw closed(deal);
        }
        return deal;
    }

    private static TesseraException closed(Opportunity deal) {
        return new TesseraException(PipelineErrors.OPPORTUNITY_CLOSED, "Opportunity " + deal.id() + " was "
                + deal.status().name().toLowerCase(Locale.ROOT) + " on " + deal.closedOn()
                + "; quotes are made for open deals");
    }


    private static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
