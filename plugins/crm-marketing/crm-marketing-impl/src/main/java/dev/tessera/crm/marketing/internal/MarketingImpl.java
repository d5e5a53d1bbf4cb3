package dev.tessera.crm.marketing.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.tessera.crm.marketing.api.Attribution;
import dev.tessera.crm.marketing.api.AttributionModel;
import dev.tessera.crm.marketing.api.AttributionReport;
import dev.tessera.crm.marketing.api.Campaign;
import dev.tessera.crm.marketing.api.CampaignAttribution;
import dev.tessera.crm.marketing.api.CampaignChanges;
import dev.tessera.crm.marketing.api.CampaignStatus;
import dev.tessera.crm.marketing.api.Campaigns;
import dev.tessera.crm.marketing.api.Channel;
import dev.tessera.crm.marketing.api.Conversion;
import dev.tessera.crm.marketing.api.Credit;
import dev.tessera.crm.marketing.api.LeadScore;
import dev.tessera.crm.marketing.api.MarketingErrors;
import dev.tessera.crm.marketing.api.NewCampaign;
import dev.tessera.crm.marketing.api.NewTouch;
import dev.tessera.crm.marketing.api.Scores;
import dev.tessera.crm.marketing.api.Touch;
import dev.tessera.crm.marketing.api.TouchKind;
import dev.tessera.crm.marketing.api.Touches;
import dev.tessera.crm.marketing.api.event.CampaignDetails;
import dev.tessera.crm.marketing.api.event.MarketingEvents;
import dev.tessera.crm.marketing.api.event.ScoreDetails;
import dev.tessera.crm.marketing.api.event.TouchDetails;
import dev.tessera.platform.api.FieldError;
import dev.tessera.platform.api.TesseraException;
import dev.tessera.platform.api.ValidationException;
import dev.tessera.platform.api.event.EventPublisher;
import dev.tessera.platform.api.persistence.ModuleSchema;
import dev.tessera.platform.api.persistence.Transactions;
import dev.tessera.platform.support.Changes;
import dev.tessera.platform.support.Sql;

/**
 * Marketing's services, each operation one transaction: campaigns, touches, lead scores and attribution. Scores are
 * worked out when they are asked for; a lead's side of the threshold is recorded when its touches or fields change,
 * on a schedule (touches age) and when the scoring settings change, and each crossing is one event.
 */
@Component(service = {Campaigns.class, Touches.class, Scores.class, Attribution.class, MarketingImpl.class},
        configurationPid = MarketingImpl.PID)
@Designate(ocd = MarketingConfig.class)
public final class MarketingImpl implements Campaigns, Touches, Scores, Attribution {
    static final String PID = "dev.tessera.crm.marketing";
    static final int MAX_TOUCHES = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(MarketingImpl.class);
    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{0,39}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");
    private static final String CAMPAIGN_COLUMNS = "ID, CODE, NAME, CHANNEL, STATUS, STARTS, ENDS, BUDGET, COST,"
            + " CURRENCY, UTM_SOURCE, UTM_MEDIUM, UTM_CAMPAIGN, VERSION, CREATED_AT, CREATED_BY";
    private static final String TOUCH_COLUMNS = "T.ID, C.CODE, T.EMAIL, T.KIND, T.OCCURRED_AT, T.RECORDED_AT,"
            + " T.SOURCE, T.RECORDED_BY";

    private final Transactions transactions;
    private final EventPublisher events;
    private volatile MarketingConfig config;
    private volatile Scoring scoring;
    private final ScheduledExecutorService schedule;

    @Activate
    public MarketingImpl(@Reference Transactions transactions, @Reference EventPublisher events,
                         @Reference(target = "(tessera.module=crm-marketing)") ModuleSchema schema,
                         MarketingConfig config) {
        this.transactions = transactions;
        this.events = events;
        this.config = config;
        this.scoring = scoring(config, null);
        this.schedule = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tessera-marketing-rescore");
            t.setDaemon(true);
            return t;
        });
        int minutes = config.rescoreMinutes();
        if (minutes > 0) {
            schedule.scheduleWithFixedDelay(this::rescoreQuietly, minutes, minutes, TimeUnit.MINUTES);
        }
    }

    @Modified
    void modified(MarketingConfig changed) {
        this.config = changed;
        this.scoring = scoring(changed, scoring);
        schedule.execute(this::rescoreQuietly);
    }

    @Deactivate
    void deactivate() {
        schedule.shutdownNow();
    }

    private static Scoring scoring(MarketingConfig c, Scoring previous) {
        try {
            return Scoring.of(c);
        } catch (IllegalArgumentException e) {
            LOG.error("etc/{}.cfg: {}; scoring keeps {}", PID, e.getMessage(), previous == null
                    ? "the defaults" : "its previous settings");
            return previous != null ? previous : new Scoring(new BigDecimal(50), new BigDecimal(30),
                    Map.of(TouchKind.FORM_FILL, new BigDecimal(20)), List.of());
        }
    }

    private void rescoreQuietly() {
        try {
            rescore("system:crm-marketing");
        } catch (RuntimeException e) {
            LOG.warn("Rescoring the leads failed and runs again on schedule: {}", e.toString());
        }
    }

    // ================================================================ campaigns

    @Override
    public Campaign create(NewCampaign in, String actor) {
        if (in == null) {
            throw new ValidationException(MarketingErrors.INVALID, "The campaign is required",
                    List.of(new FieldError("code", "is required"), new FieldError("name", "is required")));
        }
        List<FieldError> errors = new ArrayList<>();
        String code = code(in.code(), "code", errors);
        String name = Changes.text(in.name(), "name", 200, true, errors);
        if (in.channel() == null) {
            errors.add(new FieldError("channel", "is required: one of " + List.of(Channel.values())));
        }
        String currency = currency(in.currency() == null ? config.currency() : in.currency(), errors);
        BigDecimal budget = money(in.budget(), "budget", errors);
        dates(in.starts(), in.ends(), errors);
        String utmSource = Changes.text(in.utmSource(), "utmSource", 100, false, errors);
        String utmMedium = Changes.text(in.utmMedium(), "utmMedium", 100, false, errors);
        String utmCampaign = Changes.text(in.utmCampaign(), "utmCampaign", 100, false, errors);
        ValidationException.throwIfAny(MarketingErrors.INVALID, "The campaign", errors);
        String utm = (utmCampaign == null ? code : utmCampaign).toLowerCase(Locale.ROOT);
        return transactions.required(db -> {
            if (Sql.value(db, "SELECT ID FROM MKT_CAMPAIGN WHERE CODE = ?", code) != null) {
                throw new TesseraException(MarketingErrors.DUPLICATE_CAMPAIGN, "A campaign with code " + code
                        + " exists already (marketing:campaigns)");
            }
            Object other = Sql.value(db, "SELECT CODE FROM MKT_CAMPAIGN WHERE UTM_CAMPAIGN = ?", utm);
            if (other != null) {
                throw new ValidationException(MarketingErrors.DUPLICATE_CAMPAIGN, "Campaign " + other
                        + " has utm_campaign " + utm + " already", List.of(new FieldError("utmCampaign",
                        "is campaign " + other + "'s; give this campaign its own")));
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("CODE", code);
            row.put("NAME", name);
            row.put("CHANNEL", in.channel().name());
            row.put("STATUS", CampaignStatus.PLANNED.name());
            row.put("STARTS", in.starts());
            row.put("ENDS", in.ends());
            row.put("BUDGET", budget);
            row.put("COST", BigDecimal.ZERO.setScale(2));
            row.put("CURRENCY", currency);
            row.put("UTM_SOURCE", utmSource);
            row.put("UTM_MEDIUM", utmMedium);
            row.put("UTM_CAMPAIGN", utm);
            row.put("VERSION", 1L);
            row.put("CREATED_AT", Instant.now());
            row.put("CREATED_BY", actor);
            Sql.insert(db, "MKT_CAMPAIGN", row);
            Campaign created = requireCampaign(db, code);
            events.publish(db, MarketingEvents.CAMPAIGN_CREATED.created(code, actor, details(created)));
            return created;
        });
    }

    @Override
    public Campaign update(String code, CampaignChanges in, String actor) {
        if (in == null) {
            throw new ValidationException(MarketingErrors.INVALID, "The changes are required",
                    List.of(new FieldError("(body)", "is required")));
        }
        List<FieldError> errors = new ArrayList<>();
        Map<String, Object> set = new LinkedHashMap<>();
        if (in.name() != null) {
            set.put("NAME", Changes.text(in.name(), "name", 200, true, errors));
        }
        if (in.status() != null) {
            set.put("STATUS", in.status().name());
        }
        if (in.starts() != null) {
            set.put("STARTS", in.starts());
        }
        if (in.ends() != null) {
            set.put("ENDS", in.ends());
        }
        if (in.budget() != null) {
            set.put("BUDGET", money(in.budget(), "budget", errors));
        }
        if (in.cost() != null) {
            set.put("COST", money(in.cost(), "cost", errors));
        }
        ValidationException.throwIfAny(MarketingErrors.INVALID, "The changes", errors);
        return transactions.required(db -> {
            Campaign before = requireCampaign(db, code);
            Sql.execute(db, "UPDATE MKT_CAMPAIGN SET VERSION = VERSION WHERE ID = ?", before.id());
            before = requireCampaign(db, code);
            boolean closed = before.status() == CampaignStatus.COMPLETED || before.status() == CampaignStatus.CANCELLED;
            if (closed && set.keySet().stream().anyMatch(k -> !k.equals("COST"))) {
                throw new TesseraException(MarketingErrors.CAMPAIGN_CLOSED, "Campaign " + before.code() + " is "
                        + before.status().name().toLowerCase(Locale.ROOT) + ": only its cost can change");
            }
            List<FieldError> dateErrors = new ArrayList<>();
            dates(in.starts() != null ? in.starts() : before.starts(), in.ends() != null ? in.ends() : before.ends(),
                    dateErrors);
            ValidationException.throwIfAny(MarketingErrors.INVALID, "The changes", dateErrors);
            if (set.isEmpty()) {
                return before;
            }
            set.put("VERSION", before.version() + 1);
            Sql.update(db, "MKT_CAMPAIGN", set, "ID = ?", before.id());
            Campaign after = requireCampaign(db, code);
            if (!details(before).equals(details(after))) {
                events.publish(db, MarketingEvents.CAMPAIGN_CHANGED.changed(after.code(), after.version(), actor,
                        details(before), details(after)));
            }
            return after;
        });
    }

    @Override
    public Optional<Campaign> campaign(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return transactions.required(db -> campaign(db, code));
    }

    @Override
    public List<Campaign> campaigns(CampaignStatus status, String afterCode, int limit) {
        return transactions.required(db -> {
            Sql.Where where = (afterCode == null ? new Sql.Where("1 = 1") : new Sql.Where("CODE > ?", afterCode))
                    .and("STATUS", status == null ? null : status.name());
            return Sql.rows(db, limit, "SELECT " + CAMPAIGN_COLUMNS + " FROM MKT_CAMPAIGN WHERE " + where.sql()
                    + " ORDER BY CODE", where.args()).stream().map(MarketingImpl::campaign).toList();
        });
    }

    private static Optional<Campaign> campaign(Connection db, String code) {
        return Optional.ofNullable(Sql.row(db, "SELECT " + CAMPAIGN_COLUMNS + " FROM MKT_CAMPAIGN WHERE CODE = ?",
                code.trim().toUpperCase(Locale.ROOT))).map(MarketingImpl::campaign);
    }

    private static Campaign requireCampaign(Connection db, String code) {
        return campaign(db, code).orElseThrow(() -> new TesseraException(MarketingErrors.CAMPAIGN_NOT_FOUND,
                "No campaign " + code + " (marketing:campaigns lists them)"));
    }

    private static Campaign campaign(Object[] r) {
        return new Campaign(Sql.longValue(r[0]), Sql.text(r[1]), Sql.text(r[2]), Channel.valueOf(Sql.text(r[3])),
                CampaignStatus.valueOf(Sql.text(r[4])), Sql.date(r[5]), Sql.date(r[6]), cents(Sql.decimal(r[7])),
                cents(Sql.decimal(r[8])), Sql.text(r[9]), Sql.text(r[10]), Sql.text(r[11]), Sql.text(r[12]),
                Sql.longValue(r[13]), Sql.instant(r[14]), Sql.text(r[15]));
    }

    private static BigDecimal cents(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, java.math.RoundingMode.HALF_UP);
    }

    private static CampaignDetails details(Campaign c) {
        return new CampaignDetails(c.code(), c.name(), c.channel(), c.status(), c.starts(), c.ends(), c.budget(),
                c.cost(), c.currency(), c.utmSource(), c.utmMedium(), c.utmCampaign());
    }

    static String code(String value, String field, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required: letters, digits, hyphens, e.g. SPRING-WEBINAR"));
            return null;
        }
        String code = value.trim().toUpperCase(Locale.ROOT);
        if (!CODE.matcher(code).matches()) {
            errors.add(new FieldError(field, "must be up to 40 letters, digits, hyphens or underscores, e.g."
                    + " SPRING-WEBINAR"));
        }
        return code;
    }

    private static String currency(String value, List<FieldError> errors) {
        String code = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        try {
            Currency.getInstance(code);
            return code;
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("currency", "must be an ISO 4217 code such as EUR, not '" + value + "'"));
            return null;
        }
    }

    private static BigDecimal money(BigDecimal value, String field, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        if (value.signum() < 0 || value.stripTrailingZeros().scale() > 2 || value.compareTo(new BigDecimal("1e15")) >= 0) {
            errors.add(new FieldError(field, "must be an amount of at least 0 with at most two decimals"));
            return null;
        }
        return value.setScale(2);
    }

    private static void dates(LocalDate starts, LocalDate ends, List<FieldError> errors) {
        if (starts != null && ends != null && ends.isBefore(starts)) {
            errors.add(new FieldError("ends", "is before the start " + starts));
        }
    }

    // ================================================================ touches

    @Override
    public List<Touch> record(List<NewTouch> touches, String actor) {
        List<FieldError> errors = new ArrayList<>();
        if (touches == null || touches.isEmpty()) {
            throw new ValidationException(MarketingErrors.INVALID, "No touches to record",
                    List.of(new FieldError("touches", "needs at least one touch (campaign, email, kind)")));
        }
        if (touches.size() > MAX_TOUCHES) {
            throw new ValidationException(MarketingErrors.INVALID, "Too many touches at once",
                    List.of(new FieldError("touches", "has " + touches.size() + " touches; send at most "
                            + MAX_TOUCHES + " a request")));
        }
        Instant now = Instant.now();
        List<String> emails = new ArrayList<>();
        for (int i = 0; i < touches.size(); i++) {
            NewTouch t = touches.get(i);
            String at = "touches[" + i + "]";
            if (t == null) {
                errors.add(new FieldError(at, "is empty; give campaign, email and kind"));
                emails.add(null);
                continue;
            }
            if (t.campaign() == null || t.campaign().isBlank()) {
                errors.add(new FieldError(at + ".campaign", "is required: a campaign's code"));
            }
            emails.add(email(t.email(), at + ".email", errors));
            if (t.kind() == null) {
                errors.add(new FieldError(at + ".kind", "is required: one of " + List.of(TouchKind.values())));
            }
            if (t.occurredAt() != null && t.occurredAt().isAfter(now.plusSeconds(300))) {
                errors.add(new FieldError(at + ".occurredAt", "is in the future; give the time it happened"));
            }
            Changes.text(t.source(), at + ".source", 100, false, errors);
        }
        ValidationException.throwIfAny(MarketingErrors.INVALID, "The touches", errors);
        return transactions.required(db -> {
            Map<String, Long> campaignIds = new HashMap<>();
            List<FieldError> unknown = new ArrayList<>();
            for (int i = 0; i < touches.size(); i++) {
                String code = touches.get(i).campaign().trim().toUpperCase(Locale.ROOT);
                if (!campaignIds.containsKey(code)) {
                    Object id = Sql.value(db, "SELECT ID FROM MKT_CAMPAIGN WHERE CODE = ? OR UTM_CAMPAIGN = ?", code,
                            code.toLowerCase(Locale.ROOT));
                    campaignIds.put(code, id == null ? null : Sql.longValue(id));
                }
                if (campaignIds.get(code) == null) {
                    unknown.add(new FieldError("touches[" + i + "].campaign", "is no campaign: '"
                            + touches.get(i).campaign() + "' (marketing:campaigns lists them)"));
                }
            }
            ValidationException.throwIfAny(MarketingErrors.UNKNOWN_CAMPAIGN, "The touches", unknown);
            List<Touch> recorded = new ArrayList<>();
            Set<Long> leads = new LinkedHashSet<>();
            for (int i = 0; i < touches.size(); i++) {
                NewTouch t = touches.get(i);
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("CAMPAIGN_ID", campaignIds.get(t.campaign().trim().toUpperCase(Locale.ROOT)));
                row.put("EMAIL", emails.get(i));
                row.put("KIND", t.kind().name());
                row.put("OCCURRED_AT", t.occurredAt() == null ? now : t.occurredAt());
                row.put("RECORDED_AT", now);
                row.put("SOURCE", t.source() == null || t.source().isBlank() ? null : t.source().trim());
                row.put("RECORDED_BY", actor);
                long id = Sql.insertReturningId(db, "MKT_TOUCH", row);
                Touch touch = touch(db, id);
                recorded.add(touch);
                if (touch.leadId() != null) {
                    leads.add(touch.leadId());
                }
                events.publish(db, MarketingEvents.TOUCH_RECORDED.created(Long.toString(id), actor,
                        new TouchDetails(id, touch.campaign(), touch.email(), touch.leadId(), touch.kind(),
                                touch.occurredAt(), touch.source())));
            }
            for (long lead : leads) {
                settle(db, lead, actor);
            }
            return recorded;
        });
    }

    @Override
    public List<Touch> touches(String campaign, String email, long afterId, int limit) {
        return transactions.required(db -> {
            Sql.Where where = new Sql.Where("T.ID > ?", afterId)
                    .and("C.CODE", campaign == null || campaign.isBlank() ? null
                            : campaign.trim().toUpperCase(Locale.ROOT))
                    .and("T.EMAIL", email == null || email.isBlank() ? null : email.trim().toLowerCase(Locale.ROOT));
            return Sql.rows(db, limit, "SELECT " + TOUCH_COLUMNS + " FROM MKT_TOUCH T JOIN MKT_CAMPAIGN C ON"
                    + " C.ID = T.CAMPAIGN_ID WHERE " + where.sql() + " ORDER BY T.ID", where.args()).stream()
                    .map(r -> touch(db, r)).toList();
        });
    }

    private Touch touch(Connection db, long id) {
        return touch(db, Sql.row(db, "SELECT " + TOUCH_COLUMNS + " FROM MKT_TOUCH T JOIN MKT_CAMPAIGN C ON"
                + " C.ID = T.CAMPAIGN_ID WHERE T.ID = ?", id));
    }

    private static Touch touch(Connection db, Object[] r) {
        String email = Sql.text(r[2]);
        return new Touch(Sql.longValue(r[0]), Sql.text(r[1]), email, leadOf(db, email), TouchKind.valueOf(
                Sql.text(r[3])), Sql.instant(r[4]), Sql.instant(r[5]), Sql.text(r[6]), Sql.text(r[7]));
    }

    /** The open lead with this address: the newest that is not merged into another. */
    static Long leadOf(Connection db, String email) {
        Object id = Sql.value(db, "SELECT MAX(ID) FROM MKT_LEAD WHERE EMAIL = ? AND (STATUS IS NULL OR STATUS <>"
                + " 'MERGED')", email);
        return id == null ? null : Sql.longValue(id);
    }

    static String email(String value, String field, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required: an e-mail address"));
            return null;
        }
        String email = value.trim().toLowerCase(Locale.ROOT);
        if (email.length() > 254 || !EMAIL.matcher(email).matches()) {
            errors.add(new FieldError(field, "is not an e-mail address: '" + value + "'"));
        }
        return email;
    }

    // ================================================================ scores

    @Override
    public Optional<LeadScore> score(long leadId, Instant asOf) {
        Instant at = asOf == null ? Instant.now() : asOf;
        return transactions.required(db -> {
            Object[] lead = Sql.row(db, "SELECT EMAIL FROM MKT_LEAD WHERE ID = ?", leadId);
            if (lead == null) {
                return Optional.empty();
            }
            Scoring s = scoring;
            Scoring.Result r = compute(db, s, leadId, at);
            return Optional.of(new LeadScore(leadId, Sql.text(lead[0]), at, r.total(), r.fit(), r.behaviour(),
                    s.threshold, r.qualified(), s.halfLifeDays, r.parts()));
        });
    }

    @Override
    public int rescore(String actor) {
        List<Long> leads = transactions.required(db -> Sql.rows(db, "SELECT ID FROM MKT_LEAD WHERE STATUS IS NULL"
                + " OR STATUS <> 'MERGED' ORDER BY ID").stream().map(r -> Sql.longValue(r[0])).toList());
        int crossed = 0;
        for (long lead : leads) {
            if (transactions.required(db -> settle(db, lead, actor))) {
                crossed++;
            }
        }
        return crossed;
    }

    /**
     * Scores the lead now and records the side of the threshold it is on; a change of side is one event. Answers
     * whether it crossed. Runs in the caller's transaction, under the lead row's lock.
     */
    boolean settle(Connection db, long leadId, String actor) {
        if (Sql.execute(db, "UPDATE MKT_LEAD SET QUALIFIED = QUALIFIED WHERE ID = ?", leadId) == 0) {
            return false;
        }
        Object[] row = Sql.row(db, "SELECT EMAIL, QUALIFIED, STATUS FROM MKT_LEAD WHERE ID = ?", leadId);
        if ("MERGED".equals(Sql.text(row[2]))) {
            return false;
        }
        Scoring s = scoring;
        Instant now = Instant.now();
        Scoring.Result r = compute(db, s, leadId, now);
        boolean was = Sql.bool(row[1]);
        Sql.execute(db, "UPDATE MKT_LEAD SET QUALIFIED = ?, POINTS = ?, SCORED_AT = ? WHERE ID = ?", r.qualified(),
                r.total(), now, leadId);
        if (was == r.qualified()) {
            return false;
        }
        ScoreDetails details = new ScoreDetails(leadId, Sql.text(row[0]), r.total(), s.threshold, r.qualified());
        events.publish(db, (r.qualified() ? MarketingEvents.LEAD_QUALIFIED : MarketingEvents.LEAD_UNQUALIFIED)
                .event(Long.toString(leadId), 1, actor, details, Map.of()));
        return true;
    }

    private static Scoring.Result compute(Connection db, Scoring s, long leadId, Instant at) {
        Object[] lead = Sql.row(db, "SELECT NAME, EMAIL, COMPANY, DOMAIN, PHONE, SOURCE FROM MKT_LEAD WHERE ID = ?",
                leadId);
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i < Scoring.FIELDS.size(); i++) {
            fields.put(Scoring.FIELDS.get(i), Sql.text(lead[i]));
        }
        List<Scoring.TouchAt> touches = new ArrayList<>();
        if (fields.get("email") != null) {
            for (Object[] t : Sql.rows(db, "SELECT T.ID, C.CODE, T.KIND, T.OCCURRED_AT FROM MKT_TOUCH T JOIN"
                    + " MKT_CAMPAIGN C ON C.ID = T.CAMPAIGN_ID WHERE T.EMAIL = ? AND T.OCCURRED_AT <= ? ORDER BY"
                    + " T.OCCURRED_AT, T.ID", fields.get("email"), at)) {
                touches.add(new Scoring.TouchAt(Sql.longValue(t[0]), Sql.text(t[1]), TouchKind.valueOf(Sql.text(t[2])),
                        Sql.instant(t[3])));
            }
        }
        return s.score(fields, touches, at);
    }

    // ================================================================ attribution

    @Override
    public AttributionReport report(AttributionModel model, LocalDate from, LocalDate to) {
        List<FieldError> errors = new ArrayList<>();
        if (model == null) {
            errors.add(new FieldError("model", "is required: one of " + List.of(AttributionModel.values())));
        }
        if (from == null) {
            errors.add(new FieldError("from", "is required: the first day of deals won, e.g. 2026-01-01"));
        }
        if (to == null) {
            errors.add(new FieldError("to", "is required: the last day of deals won, e.g. 2026-12-31"));
        }
        if (from != null && to != null && to.isBefore(from)) {
            errors.add(new FieldError("to", "is before from " + from));
        }
        ValidationException.throwIfAny(MarketingErrors.INVALID, "The report", errors);
        MarketingConfig c = config;
        int lookback = Math.max(1, c.attributionLookbackDays());
        BigDecimal decay = BigDecimal.valueOf(c.timeDecayHalfLifeDays() > 0 ? c.timeDecayHalfLifeDays() : 7);
        return transactions.required(db -> {
            List<Conversion> conversions = new ArrayList<>();
            Map<String, BigDecimal> revenue = new HashMap<>();
            Map<String, Set<Long>> credited = new HashMap<>();
            for (Object[] r : Sql.rows(db, "SELECT V.OPPORTUNITY_ID, V.AMOUNT, V.CURRENCY, V.WON_ON, L.ID, L.EMAIL,"
                    + " V.ACCOUNT_ID FROM MKT_CONVERSION V LEFT JOIN MKT_LEAD L ON L.OPPORTUNITY_ID = V.OPPORTUNITY_ID"
                    + " WHERE V.WON = ? AND V.WON_ON >= ? AND V.WON_ON <= ? ORDER BY V.WON_ON, V.OPPORTUNITY_ID", true,
                    from, to)) {
                long opportunity = Sql.longValue(r[0]);
                BigDecimal amount = Sql.decimal(r[1]) == null ? BigDecimal.ZERO.setScale(2) : cents(Sql.decimal(r[1]));
                String currency = Sql.text(r[2]);
                LocalDate wonOn = Sql.date(r[3]);
                String email = Sql.text(r[5]);
                Instant conversion = wonOn.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
                // the people behind the deal: the lead it was qualified from, or else its account's contacts
                Set<String> people = new LinkedHashSet<>();
                if (email != null) {
                    people.add(email);
                } else if (r[6] != null) {
                    for (Object[] contact : Sql.rows(db, "SELECT EMAIL FROM MKT_CONTACT WHERE ACCOUNT_ID = ? AND EMAIL IS"
                            + " NOT NULL ORDER BY ID", Sql.longValue(r[6]))) {
                        people.add(Sql.text(contact[0]));
                    }
                }
                List<AttributionMath.TouchAt> touches = new ArrayList<>();
                for (String person : people) {
                    for (Object[] t : Sql.rows(db, "SELECT C.CODE, T.OCCURRED_AT FROM MKT_TOUCH T JOIN MKT_CAMPAIGN C"
                            + " ON C.ID = T.CAMPAIGN_ID WHERE T.EMAIL = ? AND T.OCCURRED_AT >= ? AND T.OCCURRED_AT < ?"
                            + " ORDER BY T.OCCURRED_AT, T.ID", person, wonOn.minusDays(lookback)
                            .atStartOfDay(ZoneOffset.UTC).toInstant(), conversion)) {
                        touches.add(new AttributionMath.TouchAt(Sql.text(t[0]), Sql.instant(t[1])));
                    }
                }
                if (email == null && people.size() == 1) {
                    email = people.iterator().next();
                }
                List<Credit> credits = AttributionMath.credits(model, amount, touches, conversion, decay);
                for (Credit credit : credits) {
                    revenue.merge(credit.campaign() + "|" + currency, credit.amount(), BigDecimal::add);
                    credited.computeIfAbsent(credit.campaign() + "|" + currency, k -> new LinkedHashSet<>())
                            .add(opportunity);
                }
                conversions.add(new Conversion(opportunity, Sql.longOrNull(r[4]), email, amount, currency, wonOn,
                        touches.size(), credits));
            }
            Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
            Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            List<CampaignAttribution> rows = new ArrayList<>();
            for (Object[] r : Sql.rows(db, "SELECT C.CODE, C.NAME, C.CURRENCY, C.COST, (SELECT COUNT(*) FROM MKT_TOUCH"
                    + " T WHERE T.CAMPAIGN_ID = C.ID AND T.OCCURRED_AT >= ? AND T.OCCURRED_AT < ?), (SELECT COUNT(DISTINCT"
                    + " L.ID) FROM MKT_TOUCH T JOIN MKT_LEAD L ON L.EMAIL = T.EMAIL WHERE T.CAMPAIGN_ID = C.ID AND"
                    + " T.OCCURRED_AT >= ? AND T.OCCURRED_AT < ?) FROM MKT_CAMPAIGN C ORDER BY C.CODE", start, end,
                    start, end)) {
                String code = Sql.text(r[0]);
                String campaignCurrency = Sql.text(r[2]);
                BigDecimal cost = cents(Sql.decimal(r[3]));
                Set<String> currencies = new LinkedHashSet<>();
                currencies.add(campaignCurrency);
                revenue.keySet().stream().filter(k -> k.startsWith(code + "|")).map(k -> k.substring(code.length() + 1))
                        .forEach(currencies::add);
                for (String currency : currencies) {
                    String key = code + "|" + currency;
                    BigDecimal won = revenue.getOrDefault(key, BigDecimal.ZERO.setScale(2));
                    boolean own = currency.equals(campaignCurrency);
                    BigDecimal roi = own && cost != null && cost.signum() > 0 ? won.subtract(cost).divide(cost, 4,
                            java.math.RoundingMode.HALF_UP) : null;
                    rows.add(new CampaignAttribution(code, Sql.text(r[1]), currency, own ? Sql.longValue(r[4]) : 0,
                            own ? Sql.longValue(r[5]) : 0, credited.getOrDefault(key, Set.of()).size(), won,
                            own ? cost : null, roi));
                }
            }
            return new AttributionReport(model, from, to, lookback, rows, conversions);
        });
    }
}
