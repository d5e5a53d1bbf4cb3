package dev.tessera.crm.marketing.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

import dev.tessera.crm.marketing.api.Consent;
import dev.tessera.crm.marketing.api.ConsentAction;
import dev.tessera.crm.marketing.api.ConsentChange;
import dev.tessera.crm.marketing.api.MailingList;
import dev.tessera.crm.marketing.api.MarketingErrors;
import dev.tessera.crm.marketing.api.NewMailingList;
import dev.tessera.crm.marketing.api.Subscription;
import dev.tessera.crm.marketing.api.SubscriptionStatus;
import dev.tessera.crm.marketing.api.Suppression;
import dev.tessera.crm.marketing.api.SuppressionReason;
import dev.tessera.crm.marketing.api.event.ListDetails;
import dev.tessera.crm.marketing.api.event.MarketingEvents;
import dev.tessera.crm.marketing.api.event.SubscriptionDetails;
import dev.tessera.crm.marketing.api.event.SuppressionDetails;
import dev.tessera.platform.api.FieldError;
import dev.tessera.platform.api.TesseraException;
import dev.tessera.platform.api.ValidationException;
import dev.tessera.platform.api.event.DomainEvent;
import dev.tessera.platform.api.event.EventPublisher;
import dev.tessera.platform.api.persistence.ModuleSchema;
import dev.tessera.platform.api.persistence.Transactions;
import dev.tessera.platform.support.Changes;
import dev.tessera.platform.support.Sql;

/**
 * Mailing lists, subscriptions and the suppression list. Every change writes an entry of the address's consent
 * history and publishes an event in the same transaction; a confirmation mail is queued in it too and sent in the
 * background ({@link MailDelivery}). A confirmation link carries a random token of which only the SHA-256 is stored.
 */
@Component(service = {Consent.class, ConsentImpl.class}, configurationPid = MarketingImpl.PID)
public final class ConsentImpl implements Consent {
    static final String CONFIRM_PATH = "/api/v1/marketing/public/confirm";
    private static final String LIST_COLUMNS = "L.ID, L.CODE, L.NAME, L.DESCRIPTION, L.DOUBLE_OPT_IN,"
            + " (SELECT COUNT(*) FROM MKT_SUBSCRIPTION S WHERE S.LIST_ID = L.ID AND S.STATUS = 'SUBSCRIBED'),"
            + " L.VERSION, L.CREATED_AT, L.CREATED_BY";
    private static final String SUBSCRIPTION_COLUMNS = "L.CODE, S.EMAIL, S.STATUS, S.SOURCE, S.CHANGED_AT,"
            + " S.CHANGED_BY, S.CONFIRMATION_SENT_AT, S.VERSION";
    private static final String SUPPRESSION_COLUMNS = "EMAIL, REASON, SOURCE, SINCE, CREATED_BY";
    /** A pending subscription asked for again within this time gets no second confirmation mail. */
    private static final long RESEND_AFTER_MINUTES = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Transactions transactions;
    private final EventPublisher events;
    private volatile MarketingConfig config;

    @Activate
    public ConsentImpl(@Reference Transactions transactions, @Reference EventPublisher events,
                       @Reference(target = "(tessera.module=crm-marketing)") ModuleSchema schema,
                       MarketingConfig config) {
        this.transactions = transactions;
        this.events = events;
        this.config = config;
    }

    @Modified
    void modified(MarketingConfig changed) {
        this.config = changed;
    }

    // ================================================================ lists

    @Override
    public MailingList createList(NewMailingList in, String actor) {
        if (in == null) {
            throw new ValidationException(MarketingErrors.INVALID, "The list is required",
                    List.of(new FieldError("code", "is required"), new FieldError("name", "is required")));
        }
        List<FieldError> errors = new ArrayList<>();
        String code = MarketingImpl.code(in.code(), "code", errors);
        String name = Changes.text(in.name(), "name", 200, true, errors);
        String description = Changes.text(in.description(), "description", 1000, false, errors);
        ValidationException.throwIfAny(MarketingErrors.INVALID, "The list", errors);
        boolean doubleOptIn = Boolean.TRUE.equals(in.doubleOptIn());
        return transactions.required(db -> {
            if (Sql.value(db, "SELECT ID FROM MKT_LIST WHERE CODE = ?", code) != null) {
                throw new TesseraException(MarketingErrors.DUPLICATE_LIST, "A list with code " + code
                        + " exists already (marketing:lists)");
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("CODE", code);
            row.put("NAME", name);
            row.put("DESCRIPTION", description);
            row.put("DOUBLE_OPT_IN", doubleOptIn);
            row.put("VERSION", 1L);
            row.put("CREATED_AT", Instant.now());
            row.put("CREATED_BY", actor);
            Sql.insert(db, "MKT_LIST", row);
            events.publish(db, MarketingEvents.LIST_CREATED.created(code, actor,
                    new ListDetails(code, name, description, doubleOptIn)));
            return list(db, code).orElseThrow();
        });
    }

    @Override
    public Optional<MailingList> list(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return transactions.required(db -> list(db, code.trim().toUpperCase(Locale.ROOT)));
    }

    @Override
    public List<MailingList> lists(String afterCode, int limit) {
        return transactions.required(db -> Sql.rows(db, limit, "SELECT " + LIST_COLUMNS + " FROM MKT_LIST L"
                + " WHERE L.CODE > ? ORDER BY L.CODE", afterCode == null ? "" : afterCode).stream()
                .map(ConsentImpl::list).toList());
    }

    private static Optional<MailingList> list(Connection db, String code) {
        return Optional.ofNullable(Sql.row(db, "SELECT " + LIST_COLUMNS + " FROM MKT_LIST L WHERE L.CODE = ?", code))
                .map(ConsentImpl::list);
    }

    private static MailingList list(Object[] r) {
        return new MailingList(Sql.longValue(r[0]), Sql.text(r[1]), Sql.text(r[2]), Sql.text(r[3]), Sql.bool(r[4]),
                Sql.longValue(r[5]), Sql.longValue(r[6]), Sql.instant(r[7]), Sql.text(r[8]));
    }

    /** The list a subscription names, locked for the change: its id, code, name and double opt-in. */
    private static Object[] requireList(Connection db, String code, boolean asField) {
        Object[] row = Sql.row(db, "SELECT ID, CODE, NAME, DOUBLE_OPT_IN FROM MKT_LIST WHERE CODE = ?", code);
        if (row == null) {
            if (asField) {
                throw new ValidationException(MarketingErrors.UNKNOWN_LIST, "No list " + code,
                        List.of(new FieldError("list", "is no list: '" + code + "' (marketing:lists lists them)")));
            }
            throw new TesseraException(MarketingErrors.LIST_NOT_FOUND, "No list " + code
                    + " (GET /api/v1/marketing/lists lists them)");
        }
        return row;
    }

    // ================================================================ subscriptions

    @Override
    public Subscription subscribe(String list, String email, String source, String actor) {
        return subscribe(list, email, source, actor, false);
    }

    /**
     * As {@link #subscribe(String, String, String, String)}; with {@code confirmAlways} the person confirms whatever
     * the list says: for consent given on a public form, which anyone may fill in with anyone's address.
     */
    Subscription subscribe(String list, String email, String source, String actor, boolean confirmAlways) {
        List<FieldError> errors = new ArrayList<>();
        String code = listCode(list, errors);
        String address = MarketingImpl.email(email, "email", errors);
        String from = Changes.text(source, "source", 100, false, errors);
        ValidationException.throwIfAny(MarketingErrors.INVALID, "The subscription", errors);
        MarketingConfig c = config;
        return transactions.required(db -> {
            Object[] l = requireList(db, code, true);
            long listId = Sql.longValue(l[0]);
            Optional<Subscription> before = subscription(db, code, address);
            boolean suppressed = suppression(db, address).isPresent();
            boolean confirm = confirmAlways || Sql.bool(l[3]) || suppressed;
            Instant now = Instant.now();
            if (before.isPresent() && before.get().status() == SubscriptionStatus.SUBSCRIBED && !suppressed) {
                return before.get();
            }
            if (confirm && before.isPresent() && before.get().status() == SubscriptionStatus.PENDING
                    && before.get().confirmationSentAt() != null
                    && before.get().confirmationSentAt().isAfter(now.minus(RESEND_AFTER_MINUTES, ChronoUnit.MINUTES))) {
                return before.get(); // the mail went out minutes ago: no second one
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("SOURCE", from);
            row.put("CHANGED_AT", now);
            row.put("CHANGED_BY", actor);
            ConsentAction action;
            if (confirm) {
                String token = token();
                Instant expires = now.plus(Math.max(1, c.confirmationHours()), ChronoUnit.HOURS);
                row.put("STATUS", before.map(Subscription::status).filter(s -> s == SubscriptionStatus.SUBSCRIBED)
                        .orElse(SubscriptionStatus.PENDING).name());
                row.put("TOKEN_HASH", hash(token));
                row.put("TOKEN_EXPIRES", expires);
                row.put("CONFIRMATION_SENT_AT", now);
                action = ConsentAction.CONFIRMATION_REQUESTED;
                MailQueue.queue(db, address, "Please confirm your subscription to " + Sql.text(l[2]),
                        confirmationText(c, address, Sql.text(l[2]), token, expires), MailQueue.Purpose.CONFIRMATION,
                        code);
            } else {
                row.put("STATUS", SubscriptionStatus.SUBSCRIBED.name());
                row.put("TOKEN_HASH", null);
                row.put("TOKEN_EXPIRES", null);
                row.put("CONFIRMATION_SENT_AT", null);
                action = ConsentAction.SUBSCRIBED;
            }
            long version = write(db, listId, address, before, row);
            log(db, address, code, action, from, now, actor);
            Subscription after = subscription(db, code, address).orElseThrow();
            events.publish(db, changed(code, address, version, actor,
                    new SubscriptionDetails(code, address, after.status(), action, from)));
            return after;
        });
    }

    @Override
    public Subscription confirm(String token) {
        if (token == null || token.isBlank()) {
            throw new ValidationException(MarketingErrors.CONFIRMATION_INVALID, "The confirmation link has no token",
                    List.of(new FieldError("token", "is required: open the link of the confirmation mail as it"
                            + " came")));
        }
        String hash = hash(token.trim());
        return transactions.required(db -> {
            Object[] r = Sql.row(db, "SELECT S.LIST_ID, L.CODE, S.EMAIL, S.TOKEN_EXPIRES, S.STATUS"
                    + " FROM MKT_SUBSCRIPTION S JOIN MKT_LIST L ON L.ID = S.LIST_ID WHERE S.TOKEN_HASH = ?", hash);
            if (r == null) {
                throw new TesseraException(MarketingErrors.CONFIRMATION_INVALID, "This confirmation link is unknown"
                        + " or was used already; subscribe again to get a new one");
            }
            Instant now = Instant.now();
            String code = Sql.text(r[1]);
            String address = Sql.text(r[2]);
            if (Sql.instant(r[3]).isBefore(now)) {
                throw new TesseraException(MarketingErrors.CONFIRMATION_INVALID, "This confirmation link expired on "
                        + DateTimeFormatter.ISO_INSTANT.format(Sql.instant(r[3]).truncatedTo(ChronoUnit.SECONDS))
                        + "; subscribe again to get a new one");
            }
            String actor = "subscriber:" + address;
            Optional<Subscription> before = subscription(db, code, address);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("STATUS", SubscriptionStatus.SUBSCRIBED.name());
            row.put("SOURCE", "confirmation-link");
            row.put("CHANGED_AT", now);
            row.put("CHANGED_BY", actor);
            row.put("TOKEN_HASH", null);
            row.put("TOKEN_EXPIRES", null);
            row.put("CONFIRMATION_SENT_AT", null);
            long version = write(db, Sql.longValue(r[0]), address, before, row);
            log(db, address, code, ConsentAction.CONFIRMED, "confirmation-link", now, actor);
            Optional<Suppression> suppressed = suppression(db, address);
            if (suppressed.isPresent()) {
                Sql.execute(db, "DELETE FROM MKT_SUPPRESSION WHERE EMAIL = ?", address);
                long entry = log(db, address, null, ConsentAction.SUPPRESSION_LIFTED, "confirmation-link", now, actor);
                events.publish(db, suppressionEvent(address, entry, actor, new SuppressionDetails(address,
                        suppressed.get().reason(), false, "confirmation-link")));
            }
            Subscription after = subscription(db, code, address).orElseThrow();
            events.publish(db, changed(code, address, version, actor,
                    new SubscriptionDetails(code, address, after.status(), ConsentAction.CONFIRMED,
                            "confirmation-link")));
            return after;
        });
    }

    @Override
    public Subscription unsubscribe(String list, String email, String source, String actor) {
        List<FieldError> errors = new ArrayList<>();
        String code = listCode(list, errors);
        String address = MarketingImpl.email(email, "email", errors);
        String from = Changes.text(source, "source", 100, false, errors);
        ValidationException.throwIfAny(MarketingErrors.INVALID, "The unsubscription", errors);
        return transactions.required(db -> {
            Object[] l = requireList(db, code, false);
            Subscription before = subscription(db, code, address).orElseThrow(() -> new TesseraException(
                    MarketingErrors.SUBSCRIPTION_NOT_FOUND, address + " has no subscription to list " + code));
            if (before.status() == SubscriptionStatus.UNSUBSCRIBED) {
                return before;
            }
            return end(db, Sql.longValue(l[0]), code, before, from, Instant.now(), actor);
        });
    }

    private Subscription end(Connection db, long listId, String code, Subscription before, String source, Instant now,
                             String actor) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("STATUS", SubscriptionStatus.UNSUBSCRIBED.name());
        row.put("SOURCE", source);
        row.put("CHANGED_AT", now);
        row.put("CHANGED_BY", actor);
        row.put("TOKEN_HASH", null);
        row.put("TOKEN_EXPIRES", null);
        row.put("CONFIRMATION_SENT_AT", null);
        long version = write(db, listId, before.email(), Optional.of(before), row);
        log(db, before.email(), code, ConsentAction.UNSUBSCRIBED, source, now, actor);
        events.publish(db, changed(code, before.email(), version, actor,
                new SubscriptionDetails(code, before.email(), SubscriptionStatus.UNSUBSCRIBED,
                        ConsentAction.UNSUBSCRIBED, source)));
        return subscription(db, code, before.email()).orElseThrow();
    }

    @Override
    public Suppression optOut(String email, String source, String actor) {
        List<FieldError> errors = new ArrayList<>();
        String address = MarketingImpl.email(email, "email", errors);
        String from = Changes.text(source, "source", 100, false, errors);
        ValidationException.throwIfAny(MarketingErrors.INVALID, "The opt-out", errors);
        return transactions.required(db -> {
            Instant now = Instant.now();
            for (Object[] s : Sql.rows(db, "SELECT S.LIST_ID, L.CODE FROM MKT_SUBSCRIPTION S JOIN MKT_LIST L"
                    + " ON L.ID = S.LIST_ID WHERE S.EMAIL = ? AND S.STATUS <> 'UNSUBSCRIBED' ORDER BY L.CODE",
                    address)) {
                String code = Sql.text(s[1]);
                end(db, Sql.longValue(s[0]), code, subscription(db, code, address).orElseThrow(), from, now, actor);
            }
            return suppress(db, address, SuppressionReason.OPT_OUT, ConsentAction.OPTED_OUT, from, now, actor);
        });
    }

    @Override
    public Suppression hardBounce(String email, String source, String actor) {
        List<FieldError> errors = new ArrayList<>();
        String address = MarketingImpl.email(email, "email", errors);
        String from = Changes.text(source, "source", 100, false, errors);
        ValidationException.throwIfAny(MarketingErrors.INVALID, "The bounce", errors);
        return transactions.required(db -> {
            Optional<Suppression> known = suppression(db, address);
            if (known.isPresent()) {
                log(db, address, null, ConsentAction.HARD_BOUNCED, from, Instant.now(), actor);
                return known.get(); // an opt-out stays the reason: it is the person's own
            }
            return suppress(db, address, SuppressionReason.HARD_BOUNCE, ConsentAction.HARD_BOUNCED, from,
                    Instant.now(), actor);
        });
    }

    /** Records a hard bounce the mail delivery met, inside its transaction. */
    void hardBounced(Connection db, String address, String source) {
        if (suppression(db, address).isEmpty()) {
            suppress(db, address, SuppressionReason.HARD_BOUNCE, ConsentAction.HARD_BOUNCED, source, Instant.now(),
                    "system:crm-marketing");
        }
    }

    private Suppression suppress(Connection db, String address, SuppressionReason reason, ConsentAction action,
                                 String source, Instant now, String actor) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("REASON", reason.name());
        row.put("SOURCE", source);
        row.put("SINCE", now);
        row.put("CREATED_BY", actor);
        if (Sql.update(db, "MKT_SUPPRESSION", row, "EMAIL = ?", address) == 0) {
            row.put("EMAIL", address);
            Sql.insert(db, "MKT_SUPPRESSION", row);
        }
        long entry = log(db, address, null, action, source, now, actor);
        events.publish(db, suppressionEvent(address, entry, actor, new SuppressionDetails(address, reason, true,
                source)));
        return suppression(db, address).orElseThrow();
    }

    @Override
    public Optional<Subscription> subscription(String list, String email) {
        if (list == null || email == null) {
            return Optional.empty();
        }
        return transactions.required(db -> subscription(db, list.trim().toUpperCase(Locale.ROOT),
                email.trim().toLowerCase(Locale.ROOT)));
    }

    @Override
    public List<Subscription> subscriptions(String list, SubscriptionStatus status, String afterEmail, int limit) {
        String code = list == null ? "" : list.trim().toUpperCase(Locale.ROOT);
        return transactions.required(db -> {
            long listId = Sql.longValue(requireList(db, code, false)[0]);
            List<Object> args = new ArrayList<>(List.of(listId, afterEmail == null ? "" : afterEmail));
            String where = "";
            if (status != null) {
                where = " AND S.STATUS = ?";
                args.add(status.name());
            }
            return Sql.rows(db, limit, "SELECT " + SUBSCRIPTION_COLUMNS + " FROM MKT_SUBSCRIPTION S JOIN MKT_LIST L"
                    + " ON L.ID = S.LIST_ID WHERE S.LIST_ID = ? AND S.EMAIL > ?" + where + " ORDER BY S.EMAIL",
                    args.toArray()).stream().map(ConsentImpl::subscription).toList();
        });
    }

    @Override
    public List<Subscription> subscriptionsOf(String email) {
        String address = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        return transactions.required(db -> Sql.rows(db, "SELECT " + SUBSCRIPTION_COLUMNS + " FROM MKT_SUBSCRIPTION S"
                + " JOIN MKT_LIST L ON L.ID = S.LIST_ID WHERE S.EMAIL = ? ORDER BY L.CODE", address).stream()
                .map(ConsentImpl::subscription).toList());
    }

    private static Optional<Subscription> subscription(Connection db, String code, String address) {
        return Optional.ofNullable(Sql.row(db, "SELECT " + SUBSCRIPTION_COLUMNS + " FROM MKT_SUBSCRIPTION S"
                + " JOIN MKT_LIST L ON L.ID = S.LIST_ID WHERE L.CODE = ? AND S.EMAIL = ?", code, address))
                .map(ConsentImpl::subscription);
    }

    private static Subscription subscription(Object[] r) {
        return new Subscription(Sql.text(r[0]), Sql.text(r[1]), SubscriptionStatus.valueOf(Sql.text(r[2])),
                Sql.text(r[3]), Sql.instant(r[4]), Sql.text(r[5]), r[6] == null ? null : Sql.instant(r[6]),
                Sql.longValue(r[7]));
    }

    /** Writes the subscription's row, a new one or the next version; answers the version. */
    private static long write(Connection db, long listId, String address, Optional<Subscription> before,
                              Map<String, Object> row) {
        long version = before.map(s -> s.version() + 1).orElse(1L);
        row.put("VERSION", version);
        if (before.isPresent()) {
            Sql.update(db, "MKT_SUBSCRIPTION", row, "LIST_ID = ? AND EMAIL = ?", listId, address);
        } else {
            row.put("LIST_ID", listId);
            row.put("EMAIL", address);
            Sql.insert(db, "MKT_SUBSCRIPTION", row);
        }
        return version;
    }

    // ================================================================ suppression and history

    @Override
    public Optional<Suppression> suppression(String email) {
        if (email == null) {
            return Optional.empty();
        }
        return transactions.required(db -> suppression(db, email.trim().toLowerCase(Locale.ROOT)));
    }

    @Override
    public List<Suppression> suppressions(String afterEmail, int limit) {
        return transactions.required(db -> Sql.rows(db, limit, "SELECT " + SUPPRESSION_COLUMNS + " FROM MKT_SUPPRESSION"
                + " WHERE EMAIL > ? ORDER BY EMAIL", afterEmail == null ? "" : afterEmail).stream()
                .map(ConsentImpl::suppression).toList());
    }

    static Optional<Suppression> suppression(Connection db, String address) {
        return Optional.ofNullable(Sql.row(db, "SELECT " + SUPPRESSION_COLUMNS
                + " FROM MKT_SUPPRESSION WHERE EMAIL = ?", address)).map(ConsentImpl::suppression);
    }

    private static Suppression suppression(Object[] r) {
        return new Suppression(Sql.text(r[0]), SuppressionReason.valueOf(Sql.text(r[1])), Sql.text(r[2]),
                Sql.instant(r[3]), Sql.text(r[4]));
    }

    @Override
    public List<ConsentChange> history(String email) {
        String address = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        return transactions.required(db -> Sql.rows(db, "SELECT ID, EMAIL, LIST_CODE, CHANGE_KIND, SOURCE, CHANGED_AT,"
                + " ACTOR FROM MKT_CONSENT_LOG WHERE EMAIL = ? ORDER BY ID", address).stream()
                .map(r -> new ConsentChange(Sql.longValue(r[0]), Sql.text(r[1]), Sql.text(r[2]),
                        ConsentAction.valueOf(Sql.text(r[3])), Sql.text(r[4]), Sql.instant(r[5]), Sql.text(r[6])))
                .toList());
    }

    @Override
    public boolean mayReceive(String list, String email) {
        if (list == null || email == null) {
            return false;
        }
        return transactions.required(db -> mayReceive(db, list.trim().toUpperCase(Locale.ROOT),
                email.trim().toLowerCase(Locale.ROOT)));
    }

    /** Subscribed to the list and not suppressed: what every marketing send checks, at the moment it sends. */
    static boolean mayReceive(Connection db, String code, String address) {
        return Sql.value(db, "SELECT 1 FROM MKT_SUBSCRIPTION S JOIN MKT_LIST L ON L.ID = S.LIST_ID"
                + " WHERE L.CODE = ? AND S.EMAIL = ? AND S.STATUS = 'SUBSCRIBED'", code, address) != null
                && suppression(db, address).isEmpty();
    }

    private static DomainEvent changed(String code, String address, long version, String actor,
                                       SubscriptionDetails details) {
        DomainEvent all = MarketingEvents.SUBSCRIPTION_CHANGED.created(code + ":" + address, actor, details);
        return MarketingEvents.SUBSCRIPTION_CHANGED.event(code + ":" + address, version, actor, details, all.changes());
    }

    private static DomainEvent suppressionEvent(String address, long entry, String actor, SuppressionDetails details) {
        DomainEvent all = MarketingEvents.SUPPRESSION_CHANGED.created(address, actor, details);
        return MarketingEvents.SUPPRESSION_CHANGED.event(address, entry, actor, details, all.changes());
    }

    /** Writes an entry of the consent history; its id orders an address's suppression events. */
    private static long log(Connection db, String address, String code, ConsentAction action, String source,
                            Instant at, String actor) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("EMAIL", address);
        row.put("LIST_CODE", code);
        row.put("CHANGE_KIND", action.name());
        row.put("SOURCE", source);
        row.put("CHANGED_AT", at);
        row.put("ACTOR", actor);
        return Sql.insertReturningId(db, "MKT_CONSENT_LOG", row);
    }

    private static String listCode(String list, List<FieldError> errors) {
        if (list == null || list.isBlank()) {
            errors.add(new FieldError("list", "is required: a list's code (marketing:lists lists them)"));
            return null;
        }
        return list.trim().toUpperCase(Locale.ROOT);
    }

    static String confirmationText(MarketingConfig c, String address, String listName, String token, Instant expires) {
        String base = c.publicUrl().endsWith("/") ? c.publicUrl().substring(0, c.publicUrl().length() - 1)
                : c.publicUrl();
        return "Someone, hopefully you, asked to subscribe " + address + " to " + listName + ".\r\n\r\n"
                + "To confirm, open this link:\r\n" + base + CONFIRM_PATH + "?token=" + token + "\r\n\r\n"
                + "The link is valid until " + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
                .format(expires.atOffset(ZoneOffset.UTC)) + ". If you did not ask for this, ignore this mail:"
                + " nothing more will be sent to you.\r\n";
    }

    private static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
