package dev.tessera.crm.pipeline.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.tessera.crm.pipeline.api.Account;
import dev.tessera.crm.pipeline.api.Activity;
import dev.tessera.crm.pipeline.api.ActivityType;
import dev.tessera.crm.pipeline.api.Contact;
import dev.tessera.crm.pipeline.api.NewAccount;
import dev.tessera.crm.pipeline.api.NewActivity;
import dev.tessera.crm.pipeline.api.NewContact;
import dev.tessera.crm.pipeline.api.NewOpportunity;
import dev.tessera.crm.pipeline.api.Opportunity;
import dev.tessera.crm.pipeline.api.OpportunityStatus;
import dev.tessera.crm.pipeline.api.PipelineErrors;
import dev.tessera.crm.pipeline.api.Stage;
import dev.tessera.crm.pipeline.api.StageChange;
import dev.tessera.crm.pipeline.api.event.AccountDetails;
import dev.tessera.crm.pipeline.api.event.ActivityDetails;
import dev.tessera.crm.pipeline.api.event.ContactDetails;
import dev.tessera.crm.pipeline.api.event.OpportunityDetails;
import dev.tessera.crm.pipeline.api.event.PipelineEvents;
import dev.tessera.platform.api.FieldError;
import dev.tessera.platform.api.Money;
import dev.tessera.platform.api.TesseraException;
import dev.tessera.platform.api.ValidationException;
import dev.tessera.platform.api.event.EventPublisher;
import dev.tessera.platform.api.event.EventType;
import dev.tessera.platform.support.Changes;
import dev.tessera.platform.support.Sql;

/**
 * The pipeline's accounts, contacts, opportunities and activities on their PIP_ tables, each write with its event
 * in the caller's transaction (leads are {@link LeadStore}'s, quotes {@link QuoteStore}'s). Callers open the
 * transaction; every method here takes its connection, so one business operation (qualifying a lead: account,
 * contact, opportunity) is one transaction.
 */
final class PipelineStore {
    static final String ACCOUNT = "ID, NAME, DOMAIN, INDUSTRY, ADDRESS, OWNER, NOTES, VERSION, CREATED_AT, LAST_ORDER,"
            + " LAST_INVOICE, INVOICE_STATUS, CREDIT_LIMIT, PAYMENT_TERMS, BILLING_CURRENCY";
    static final String CONTACT = "ID, ACCOUNT_ID, NAME, EMAIL, PHONE, TITLE, VERSION";
    static final String OPPORTUNITY = "ID, ACCOUNT_ID, NAME, STAGE, PROBABILITY, AMOUNT, CURRENCY, EXPECTED_CLOSE, OWNER,"
            + " SOURCE, STATUS, CLOSE_REASON, CLOSED_ON, STAGE_CHANGED_AT, LAST_ACTIVITY_AT, RENEWAL_OF, ORDER_NUMBER,"
            + " INVOICE_NUMBER, INVOICE_STATUS, VERSION";
    static final String ACTIVITY = "ID, TYPE, SUBJECT, DETAILS, ACCOUNT_ID, CONTACT_ID, LEAD_ID, OPPORTUNITY_ID, OWNER,"
            + " DUE, DONE_AT, CREATED_AT";
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final BigDecimal LIMIT = new BigDecimal("1000000000000");

    private final EventPublisher events;
    private final Settings settings;

    PipelineStore(EventPublisher events, Settings settings) {
        this.events = events;
        this.settings = settings;
    }

    Settings settings() {
        return settings;
    }

    // ================================================================ accounts and contacts

    Optional<Account> account(Connection db, long id) {
        return Optional.ofNullable(Sql.row(db, "SELECT " + ACCOUNT + " FROM PIP_ACCOUNT WHERE ID = ?", id))
                .map(PipelineStore::account);
    }

    Account requireAccount(Connection db, long id) {
        return account(db, id).orElseThrow(() -> new TesseraException(PipelineErrors.ACCOUNT_NOT_FOUND,
                "No account " + id));
    }

    List<Account> accounts(Connection db, long afterId, int limit) {
        return Sql.rows(db, limit, "SELECT " + ACCOUNT + " FROM PIP_ACCOUNT WHERE ID > ? ORDER BY ID", afterId).stream()
                .map(PipelineStore::account).toList();
    }

    Account createAccount(Connection db, NewAccount in, String actor) {
        NewAccount account = checkAccount(in, null);
        long id = Sql.nextId(db, "PIP_SEQUENCE", "account");
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("ID", id);
        row.put("NAME", account.name());
        row.put("DOMAIN", account.domain());
        row.put("INDUSTRY", account.industry());
        row.put("ADDRESS", account.address());
        row.put("OWNER", account.owner());
        row.put("NOTES", account.notes());
        row.put("VERSION", 1L);
        row.put("CREATED_AT", Instant.now());
        Sql.insert(db, "PIP_ACCOUNT", row);
        Account created = requireAccount(db, id);
        created(db, PipelineEvents.ACCOUNT_CREATED, id, actor, details(created));
        return created;
    }

    Account updateAccount(Connection db, long id, NewAccount changes, String actor) {
        Account before = requireAccount(db, id);
        if (changes == null) {
            throw new ValidationException(PipelineErrors.INVALID, "The changes are required",
                    List.of(new FieldError("(body)", "is required")));
        }
        NewAccount merged = checkAccount(new NewAccount(or(changes.name(), before.name()),
                or(changes.domain(), before.domain()), or(changes.industry(), before.industry()),
                or(changes.address(), before.address()), or(changes.owner(), before.owner()),
                or(changes.notes(), before.notes())), null);
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("NAME", merged.name());
        set.put("DOMAIN", merged.domain());
        set.put("INDUSTRY", merged.industry());
        set.put("ADDRESS", merged.address());
        set.put("OWNER", merged.owner());
        set.put("NOTES", merged.notes());
        set.put("VERSION", before.version() + 1);
        Sql.update(db, "PIP_ACCOUNT", set, "ID = ?", id);
        Account after = requireAccount(db, id);
        if (details(before).equals(details(after))) {
            Sql.execute(db, "UPDATE PIP_ACCOUNT SET VERSION = ? WHERE ID = ?", before.version(), id);
            return before;
        }
        changed(db, PipelineEvents.ACCOUNT_UPDATED, id, after.version(), actor, details(before), details(after));
        return after;
    }

    private static NewAccount checkAccount(NewAccount account, String at) {
        List<FieldError> errors = new ArrayList<>();
        if (account == null) {
            throw new ValidationException(PipelineErrors.INVALID, "The account is required",
                    List.of(new FieldError("(body)", "is required")));
        }
        String name = Changes.text(account.name(), "name", 200, true, errors);
        String domain = null;
        if (account.domain() != null && !account.domain().isBlank()) {
            domain = Matching.host(account.domain());
            if (domain == null) {
                errors.add(new FieldError("domain", "'" + account.domain() + "' is not a domain such as example.com"));
            }
        }
        String industry = Changes.text(account.industry(), "industry", 100, false, errors);
        String address = Changes.text(account.address(), "address", 500, false, errors);
        String owner = Changes.text(account.owner(), "owner", 100, false, errors);
        String notes = Changes.text(account.notes(), "notes", 2000, false, errors);
        ValidationException.throwIfAny(PipelineErrors.INVALID, "The account", errors);
        return new NewAccount(name, domain, industry, address, owner, notes);
    }

    static AccountDetails details(Account a) {
        return new AccountDetails(a.id(), a.name(), a.domain(), a.industry(), a.address(), a.owner(), a.notes());
    }

    private static Account account(Object[] r) {
        return new Account(Sql.longValue(r[0]), (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                (String) r[5], (String) r[6], Sql.longValue(r[7]), Sql.instant(r[8]), (String) r[9], (String) r[10],
                (String) r[11], Sql.decimal(r[12]), r[13] == null ? null : Sql.intValue(r[13]),
                r[14] == null ? null : ((String) r[14]).trim());
    }

    Optional<Contact> contact(Connection db, long id) {
        return Optional.ofNullable(Sql.row(db, "SELECT " + CONTACT + " FROM PIP_CONTACT WHERE ID = ?", id))
                .map(PipelineStore::contact);
    }

    List<Contact> contacts(Connection db, long accountId) {
        return Sql.rows(db, "SELECT " + CONTACT + " FROM PIP_CONTACT WHERE ACCOUNT_ID = ? ORDER BY ID", accountId)
                .stream().map(PipelineStore::contact).toList();
    }

    Contact createContact(Connection db, NewContact in, String actor) {
        if (in == null) {
            throw new ValidationException(PipelineErrors.INVALID, "The contact is required",
                    List.of(new FieldError("(body)", "is required")));
        }
        NewContact contact = checkContact(in);
        if (account(db, contact.accountId()).isEmpty()) {
            throw new ValidationException(PipelineErrors.INVALID, "No account " + contact.accountId(),
                    List.of(new FieldError("accountId", contact.accountId() + " is not an account")));
        }
        long id = Sql.nextId(db, "PIP_SEQUENCE", "contact");
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("ID", id);
        row.put("ACCOUNT_ID", contact.accountId());
        row.put("NAME", contact.name());
        row.put("EMAIL", contact.email());
        row.put("PHONE", contact.phone());
        row.put("TITLE", contact.title());
        row.put("VERSION", 1L);
        Sql.insert(db, "PIP_CONTACT", row);
        Contact created = contact(db, id).orElseThrow();
        created(db, PipelineEvents.CONTACT_CREATED, id, actor, details(created));
        return created;
    }

    Contact updateContact(Connection db, long id, NewContact changes, String actor) {
        Contact before = contact(db, id).orElseThrow(() -> new TesseraException(PipelineErrors.CONTACT_NOT_FOUND,
                "No contact " + id));
        if (changes == null) {
            throw new ValidationException(PipelineErrors.INVALID, "The changes are required",
                    List.of(new FieldError("(body)", "is required")));
        }
        NewContact merged = checkContact(new NewContact(changes.accountId() == null ? before.accountId()
                : changes.accountId(), or(changes.name(), before.name()), or(changes.email(), before.email()),
                or(changes.phone(), before.phone()), or(changes.title(), before.title())));
        if (merged.accountId() != before.accountId() && account(db, merged.accountId()).isEmpty()) {
            throw new ValidationException(PipelineErrors.INVALID, "No account " + merged.accountId(),
                    List.of(new FieldError("accountId", merged.accountId() + " is not an account")));
        }
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("ACCOUNT_ID", merged.accountId());
        set.put("NAME", merged.name());
        set.put("EMAIL", merged.email());
        set.put("PHONE", merged.phone());
        set.put("TITLE", merged.title());
        set.put("VERSION", before.version() + 1);
        Sql.update(db, "PIP_CONTACT", set, "ID = ?", id);
        Contact after = contact(db, id).orElseThrow();
        if (details(before).equals(details(after))) {
            Sql.execute(db, "UPDATE PIP_CONTACT SET VERSION = ? WHERE ID = ?", before.version(), id);
            return before;
        }
        changed(db, PipelineEvents.CONTACT_UPDATED, id, after.version(), actor, details(before), details(after));
        return after;
    }

    private static NewContact checkContact(NewContact contact) {
        List<FieldError> errors = new ArrayList<>();
        if (contact.accountId() == null) {
            errors.add(new FieldError("accountId", "is required"));
        }
        String name = Changes.text(contact.name(), "name", 200, true, errors);
        String email = email(contact.email(), "email", errors);
        String phone = Changes.text(contact.phone(), "phone", 50, false, errors);
        String title = Changes.text(contact.title(), "title", 100, false, errors);
        ValidationException.throwIfAny(PipelineErrors.INVALID, "The contact", errors);
        return new NewContact(contact.accountId(), name, email, phone, title);
    }

    static ContactDetails details(Contact c) {
        return new ContactDetails(c.id(), c.accountId(), c.name(), c.email(), c.phone(), c.title());
    }

    private static Contact contact(Object[] r) {
        return new Contact(Sql.longValue(r[0]), Sql.longValue(r[1]), (String) r[2], (String) r[3], (String) r[4],
                (String) r[5], Sql.longValue(r[6]));
    }

    // ================================================================ opportunities

    Optional<Opportunity> opportunity(Connection db, long id, Instant now) {
        return Optional.ofNullable(Sql.row(db, "SELECT " + OPPORTUNITY + " FROM PIP_OPPORTUNITY WHERE ID = ?", id))
                .map(r -> opportunity(r, stuckBefore(now)));
    }

    Opportunity requireOpportunity(Connection db, long id) {
        return opportunity(db, id, Instant.now()).orElseThrow(() -> new TesseraException(
                PipelineErrors.OPPORTUNITY_NOT_FOUND, "No opportunity " + id));
    }

    List<Opportunity> opportunities(Connection db, Sql.Where where, int limit, Instant now) {
        Instant stuckBefore = stuckBefore(now);
        return Sql.rows(db, limit, "SELECT " + OPPORTUNITY + " FROM PIP_OPPORTUNITY WHERE " + where.sql()
                + " ORDER BY ID", where.args()).stream().map(r -> opportunity(r, stuckBefore)).toList();
    }

    private Instant stuckBefore(Instant now) {
        return now.minus(settings.stuckAfterDays(), ChronoUnit.DAYS);
    }

    /** Checks and inserts a new deal at its stage, with its first stage-history step. */
    Opportunity createOpportunity(Connection db, NewOpportunity in, Long leadId, Long renewalOf, String renewalKey,
                                  LocalDate today, String actor) {
        List<FieldError> errors = new ArrayList<>();
        if (in == null) {
            throw new ValidationException(PipelineErrors.INVALID, "The opportunity is required",
                    List.of(new FieldError("(body)", "is required")));
        }
        if (in.accountId() == null) {
            errors.add(new FieldError("accountId", "is required"));
        } else if (account(db, in.accountId()).isEmpty()) {
            errors.add(new FieldError("accountId", in.accountId() + " is not an account"));
        }
        String name = Changes.text(in.name(), "name", 200, true, errors);
        Stage stage = settings.first();
        if (in.stage() != null) {
            Optional<Stage> named = settings.stage(in.stage());
            if (named.isEmpty()) {
                throw new ValidationException(PipelineErrors.UNKNOWN_STAGE, "Unknown stage '" + in.stage() + "'",
                        List.of(new FieldError("stage", "must be one of " + openStageNames())));
            }
            if (named.get().closed()) {
                errors.add(new FieldError("stage", "a new deal starts open: one of " + openStageNames()
                        + "; win or lose it afterwards"));
            }
            stage = named.get();
        }
        Currency currency = currency(in.currency(), "currency", errors);
        BigDecimal amount = in.amount() == null ? BigDecimal.ZERO : in.amount();
        if (amount.signum() < 0 || amount.compareTo(LIMIT) >= 0 || currency != null
                && amount.stripTrailingZeros().scale() > Math.max(0, currency.getDefaultFractionDigits())) {
            errors.add(new FieldError("amount", "must be zero or more, below 10^12, with at most "
                    + (currency == null ? 2 : currency.getDefaultFractionDigits()) + " decimals"));
        }
        LocalDate expectedClose = in.expectedClose() == null ? today.plusDays(90) : in.expectedClose();
        if (expectedClose.isBefore(today)) {
            errors.add(new FieldError("expectedClose", "is in the past (" + expectedClose + "); a new deal closes today"
                    + " or later"));
        }
        String owner = Changes.text(in.owner(), "owner", 100, false, errors);
        String source = Changes.text(in.source(), "source", 50, false, errors);
        ValidationException.throwIfAny(PipelineErrors.INVALID, "The opportunity", errors);
        long id = Sql.nextId(db, "PIP_SEQUENCE", "opportunity");
        Instant now = Instant.now();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("ID", id);
        row.put("ACCOUNT_ID", in.accountId());
        row.put("NAME", name);
        row.put("STAGE", stage.name());
        row.put("PROBABILITY", stage.probability());
        row.put("AMOUNT", amount);
        row.put("CURRENCY", currency.getCurrencyCode());
        row.put("EXPECTED_CLOSE", expectedClose);
        row.put("OWNER", owner);
        row.put("SOURCE", source == null ? null : source.toLowerCase(java.util.Locale.ROOT));
        row.put("STATUS", OpportunityStatus.OPEN);
        row.put("STAGE_CHANGED_AT", now);
        row.put("LEAD_ID", leadId);
        row.put("RENEWAL_OF", renewalOf);
        row.put("RENEWAL_KEY", renewalKey);
        row.put("VERSION", 1L);
        Sql.insert(db, "PIP_OPPORTUNITY", row);
        stageChange(db, id, null, stage.name(), now, actor);
        Opportunity created = requireOpportunity(db, id);
        created(db, PipelineEvents.OPPORTUNITY_CREATED, id, actor, details(created));
        return created;
    }

    /** Moves a deal to a stage (open, won or lost), with its history step and event. */
    Opportunity moveStage(Connection db, long id, Stage to, String reason, BigDecimal amount, String actor) {
        Opportunity before = requireOpportunity(db, id);
        if (before.status() != OpportunityStatus.OPEN) {
            throw new TesseraException(PipelineErrors.OPPORTUNITY_CLOSED, "Opportunity " + id + " was "
                    + before.status().name().toLowerCase(java.util.Locale.ROOT) + " on " + before.closedOn()
                    + "; closed deals keep their stage (open a new one for new business)");
        }
        if (before.stage().equals(to.name())) {
            return before;
        }
        Instant now = Instant.now();
        OpportunityStatus status = to.won() ? OpportunityStatus.WON : to.lost() ? OpportunityStatus.LOST
                : OpportunityStatus.OPEN;
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("STAGE", to.name());
        set.put("PROBABILITY", to.probability());
        set.put("STATUS", status);
        set.put("STAGE_CHANGED_AT", now);
        if (status != OpportunityStatus.OPEN) {
            set.put("CLOSED_ON", LocalDate.ofInstant(now, ZoneOffset.UTC));
            set.put("CLOSE_REASON", reason);
        }
        if (amount != null) {
            set.put("AMOUNT", amount);
        }
        set.put("VERSION", before.version() + 1);
        if (Sql.update(db, "PIP_OPPORTUNITY", set, "ID = ? AND VERSION = ?", id, before.version()) == 0) {
            throw new TesseraException(PipelineErrors.OPPORTUNITY_CLOSED, "Opportunity " + id
                    + " changed meanwhile; look at it again");
        }
        stageChange(db, id, before.stage(), to.name(), now, actor);
        Opportunity after = requireOpportunity(db, id);
        changed(db, PipelineEvents.OPPORTUNITY_STAGE_CHANGED, id, after.version(), actor, details(before),
                details(after));
        if (status == OpportunityStatus.WON) {
            changed(db, PipelineEvents.OPPORTUNITY_WON, id, after.version(), actor, details(before), details(after));
        } else if (status == OpportunityStatus.LOST) {
            changed(db, PipelineEvents.OPPORTUNITY_LOST, id, after.version(), actor, details(before), details(after));
        }
        return after;
    }

    private void stageChange(Connection db, long opportunity, String from, String to, Instant at, String actor) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("ID", Sql.nextId(db, "PIP_SEQUENCE", "stage-change"));
        row.put("OPPORTUNITY_ID", opportunity);
        row.put("FROM_STAGE", from);
        row.put("TO_STAGE", to);
        row.put("CHANGED_AT", at);
        row.put("ACTOR", actor);
        Sql.insert(db, "PIP_STAGE_CHANGE", row);
    }

    List<StageChange> stageHistory(Connection db, long id) {
        requireOpportunity(db, id);
        return Sql.rows(db, "SELECT FROM_STAGE, TO_STAGE, CHANGED_AT, ACTOR FROM PIP_STAGE_CHANGE"
                + " WHERE OPPORTUNITY_ID = ? ORDER BY ID", id).stream()
                .map(r -> new StageChange((String) r[0], (String) r[1], Sql.instant(r[2]), (String) r[3])).toList();
    }

    String openStageNames() {
        return String.join(", ", settings.stages().stream().filter(s -> !s.closed()).map(Stage::name).toList());
    }

    static OpportunityDetails details(Opportunity o) {
        return new OpportunityDetails(o.id(), o.accountId(), o.name(), o.stage(), o.probability(), o.amount().amount(),
                o.amount().currency().getCurrencyCode(), o.expectedClose(), o.owner(), o.source(), o.status(),
                o.closeReason(), o.closedOn(), o.renewalOf());
    }

    private Opportunity opportunity(Object[] r, Instant stuckBefore) {
        Currency currency = Currency.getInstance(((String) r[6]).trim());
        OpportunityStatus status = OpportunityStatus.valueOf((String) r[10]);
        Instant stageChanged = Sql.instant(r[13]);
        Instant activity = Sql.instant(r[14]);
        Instant last = activity != null && activity.isAfter(stageChanged) ? activity : stageChanged;
        return new Opportunity(Sql.longValue(r[0]), Sql.longValue(r[1]), (String) r[2], (String) r[3],
                Sql.intValue(r[4]), new Money(money(r[5], currency), currency), Sql.date(r[7]), (String) r[8],
                (String) r[9], status, (String) r[11], Sql.date(r[12]), stageChanged, activity,
                status == OpportunityStatus.OPEN && last.isBefore(stuckBefore), Sql.longOrNull(r[15]),
                (String) r[16], (String) r[17], (String) r[18], Sql.longValue(r[19]));
    }

    // ================================================================ activities

    Activity logActivity(Connection db, NewActivity in, String actor) {
        if (in == null) {
            throw new ValidationException(PipelineErrors.INVALID, "The activity is required",
                    List.of(new FieldError("(body)", "is required")));
        }
        List<FieldError> errors = new ArrayList<>();
        if (in.type() == null) {
            errors.add(new FieldError("type", "is required: call, email, meeting, note or task"));
        }
        String subject = Changes.text(in.subject(), "subject", 200, true, errors);
        String details = Changes.text(in.details(), "details", 2000, false, errors);
        String owner = Changes.text(in.owner(), "owner", 100, false, errors);
        if (in.type() == ActivityType.TASK && in.due() == null) {
            errors.add(new FieldError("due", "is required for a task"));
        }
        Long accountId = in.accountId();
        Long opportunityId = in.opportunityId();
        if (in.accountId() == null && in.contactId() == null && in.leadId() == null && in.opportunityId() == null) {
            errors.add(new FieldError("accountId", "an activity is about an account, contact, lead or opportunity:"
                    + " give at least one of their ids"));
        }
        if (in.accountId() != null && account(db, in.accountId()).isEmpty()) {
            errors.add(new FieldError("accountId", in.accountId() + " is not an account"));
        }
        if (in.contactId() != null) {
            Optional<Contact> contact = contact(db, in.contactId());
            if (contact.isEmpty()) {
                errors.add(new FieldError("contactId", in.contactId() + " is not a contact"));
            } else if (accountId == null) {
                accountId = contact.get().accountId();
            }
        }
        if (in.leadId() != null && Sql.value(db, "SELECT ID FROM PIP_LEAD WHERE ID = ?", in.leadId()) == null) {
            errors.add(new FieldError("leadId", in.leadId() + " is not a lead"));
        }
        if (in.opportunityId() != null) {
            Optional<Opportunity> deal = opportunity(db, in.opportunityId(), Instant.now());
            if (deal.isEmpty()) {
                errors.add(new FieldError("opportunityId", in.opportunityId() + " is not an opportunity"));
            } else if (accountId == null) {
                accountId = deal.get().accountId();
            }
        }
        ValidationException.throwIfAny(PipelineErrors.INVALID, "The activity", errors);
        return insertActivity(db, in.type(), subject, details, accountId, in.contactId(), in.leadId(), opportunityId,
                owner == null ? actor : owner, in.due(), actor);
    }

    Activity insertActivity(Connection db, ActivityType type, String subject, String details, Long accountId,
                            Long contactId, Long leadId, Long opportunityId, String owner, LocalDate due,
                            String actor) {
        long id = Sql.nextId(db, "PIP_SEQUENCE", "activity");
        Instant now = Instant.now();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("ID", id);
        row.put("TYPE", type);
        row.put("SUBJECT", subject);
        row.put("DETAILS", details);
        row.put("ACCOUNT_ID", accountId);
        row.put("CONTACT_ID", contactId);
        row.put("LEAD_ID", leadId);
        row.put("OPPORTUNITY_ID", opportunityId);
        row.put("OWNER", owner);
        row.put("DUE", due);
        row.put("CREATED_AT", now);
        Sql.insert(db, "PIP_ACTIVITY", row);
        if (opportunityId != null) {
            Sql.execute(db, "UPDATE PIP_OPPORTUNITY SET LAST_ACTIVITY_AT = ? WHERE ID = ?", now, opportunityId);
        }
        Activity created = activity(db, id).orElseThrow();
        created(db, PipelineEvents.ACTIVITY_CREATED, id, actor, details(created));
        return created;
    }

    Optional<Activity> activity(Connection db, long id) {
        return Optional.ofNullable(Sql.row(db, "SELECT " + ACTIVITY + " FROM PIP_ACTIVITY WHERE ID = ?", id))
                .map(PipelineStore::activity);
    }

    List<Activity> activities(Connection db, Sql.Where where, String orderBy, int limit) {
        return Sql.rows(db, limit, "SELECT " + ACTIVITY + " FROM PIP_ACTIVITY WHERE " + where.sql() + " ORDER BY "
                + orderBy, where.args()).stream().map(PipelineStore::activity).toList();
    }

    static ActivityDetails details(Activity a) {
        return new ActivityDetails(a.id(), a.type(), a.subject(), a.accountId(), a.contactId(), a.leadId(),
                a.opportunityId(), a.owner(), a.due(), a.doneAt() != null);
    }

    private static Activity activity(Object[] r) {
        return new Activity(Sql.longValue(r[0]), ActivityType.valueOf((String) r[1]), (String) r[2], (String) r[3],
                Sql.longOrNull(r[4]), Sql.longOrNull(r[5]), Sql.longOrNull(r[6]), Sql.longOrNull(r[7]),
                (String) r[8], Sql.date(r[9]), Sql.instant(r[10]), Sql.instant(r[11]));
    }

    // ================================================================ plumbing

    <P extends Record> void created(Connection db, EventType<P> type, long id, String actor, P payload) {
        events.publish(db, type.created(Long.toString(id), actor, payload));
    }

    <P extends Record> void changed(Connection db, EventType<P> type, long id, long version, String actor, P before,
                                    P after) {
        events.publish(db, type.changed(Long.toString(id), version, actor, before, after));
    }



    Currency currency(String code, String field, List<FieldError> errors) {
        if (code == null || code.isBlank()) {
            return settings.currency();
        }
        try {
            return Currency.getInstance(code.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "'" + code + "' is not an ISO 4217 currency code such as EUR"));
            return null;
        }
    }

    static BigDecimal money(Object value, Currency currency) {
        BigDecimal amount = value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
        return amount.setScale(Math.max(0, currency.getDefaultFractionDigits()), RoundingMode.HALF_UP);
    }


    static String email(String value, String field, List<FieldError> errors) {
        String email = Changes.text(value, field, 254, false, errors);
        if (email != null && !EMAIL.matcher(email).matches()) {
            errors.add(new FieldError(field, "'" + email + "' is not an e-mail address such as anna@example.com"));
        }
        return email;
    }


    private static <T> T or(T value, T otherwise) {
        return value == null ? otherwise : value;
    }
}
