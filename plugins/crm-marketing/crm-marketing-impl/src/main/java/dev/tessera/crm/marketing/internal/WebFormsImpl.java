package dev.tessera.crm.marketing.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import dev.tessera.crm.marketing.api.FormSubmission;
import dev.tessera.crm.marketing.api.MarketingErrors;
import dev.tessera.crm.marketing.api.NewTouch;
import dev.tessera.crm.marketing.api.NewWebForm;
import dev.tessera.crm.marketing.api.SubmissionResult;
import dev.tessera.crm.marketing.api.Subscription;
import dev.tessera.crm.marketing.api.Touch;
import dev.tessera.crm.marketing.api.TouchKind;
import dev.tessera.crm.marketing.api.WebForm;
import dev.tessera.crm.marketing.api.WebFormCreated;
import dev.tessera.crm.marketing.api.WebForms;
import dev.tessera.crm.marketing.api.event.FormDetails;
import dev.tessera.crm.marketing.api.event.MarketingEvents;
import dev.tessera.crm.pipeline.api.DuplicateCandidate;
import dev.tessera.crm.pipeline.api.Lead;
import dev.tessera.crm.pipeline.api.Leads;
import dev.tessera.crm.pipeline.api.NewLead;
import dev.tessera.platform.api.FieldError;
import dev.tessera.platform.api.TesseraException;
import dev.tessera.platform.api.ValidationException;
import dev.tessera.platform.api.event.EventPublisher;
import dev.tessera.platform.api.persistence.ModuleSchema;
import dev.tessera.platform.api.persistence.Transactions;
import dev.tessera.platform.support.Changes;
import dev.tessera.platform.support.Sql;

/**
 * Web forms: a submission checks the form's key (its SHA-256, compared in constant time) and the form's rate (a
 * minute's window on this node), then records the touch, captures the lead through the pipeline when it is enabled
 * (the lead of the same e-mail address when there is one) and subscribes with consent, all in one transaction. A
 * form's key is public (it is in the website's page), so anyone may post anyone's address: a subscription from a form
 * always waits for the person's confirmation through the mailed link.
 */
@Component(service = WebForms.class)
public final class WebFormsImpl implements WebForms {
    static final int DEFAULT_RATE = 20;
    private static final long MINUTE_NANOS = 60_000_000_000L;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COLUMNS = "F.CODE, F.NAME, C.CODE, L.CODE, F.RATE_PER_MINUTE, F.VERSION, F.CREATED_AT,"
            + " F.CREATED_BY FROM MKT_FORM F JOIN MKT_CAMPAIGN C ON C.ID = F.CAMPAIGN_ID LEFT JOIN MKT_LIST L"
            + " ON L.ID = F.LIST_ID";

    private final Transactions transactions;
    private final EventPublisher events;
    private final MarketingImpl marketing;
    private final ConsentImpl consent;
    private final Map<String, Deque<Long>> recent = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile Leads leads;

    @Activate
    public WebFormsImpl(@Reference Transactions transactions, @Reference EventPublisher events,
                        @Reference MarketingImpl marketing, @Reference ConsentImpl consent,
                        @Reference(target = "(tessera.module=crm-marketing)") ModuleSchema schema) {
        this.transactions = transactions;
        this.events = events;
        this.marketing = marketing;
        this.consent = consent;
    }

    @Override
    public WebFormCreated create(NewWebForm in, String actor) {
        if (in == null) {
            throw new ValidationException(MarketingErrors.INVALID, "The form is required",
                    List.of(new FieldError("code", "is required"), new FieldError("campaign", "is required")));
        }
        List<FieldError> errors = new ArrayList<>();
        String code = MarketingImpl.code(in.code(), "code", errors);
        String name = Changes.text(in.name(), "name", 200, true, errors);
        if (in.campaign() == null || in.campaign().isBlank()) {
            errors.add(new FieldError("campaign", "is required: the code of the campaign its submissions count for"));
        }
        int rate = in.ratePerMinute() == null ? DEFAULT_RATE : in.ratePerMinute();
        if (rate < 1 || rate > 10_000) {
            errors.add(new FieldError("ratePerMinute", "must be 1 to 10000 submissions a minute"));
        }
        ValidationException.throwIfAny(MarketingErrors.INVALID, "The form", errors);
        String campaign = in.campaign().trim().toUpperCase(Locale.ROOT);
        String list = in.list() == null || in.list().isBlank() ? null : in.list().trim().toUpperCase(Locale.ROOT);
        return transactions.required(db -> {
            if (Sql.value(db, "SELECT ID FROM MKT_FORM WHERE CODE = ?", code) != null) {
                throw new TesseraException(MarketingErrors.DUPLICATE_FORM, "A form with code " + code
                        + " exists already (GET /api/v1/marketing/forms)");
            }
            Object campaignId = Sql.value(db, "SELECT ID FROM MKT_CAMPAIGN WHERE CODE = ?", campaign);
            Object listId = list == null ? null : Sql.value(db, "SELECT ID FROM MKT_LIST WHERE CODE = ?", list);
            List<FieldError> unknown = new ArrayList<>();
            if (campaignId == null) {
                unknown.add(new FieldError("campaign", "is no campaign: '" + in.campaign() + "'"));
            }
            if (list != null && listId == null) {
                unknown.add(new FieldError("list", "is no list: '" + in.list() + "'"));
            }
            ValidationException.throwIfAny(campaignId == null ? MarketingErrors.UNKNOWN_CAMPAIGN
                    : MarketingErrors.UNKNOWN_LIST, "The form", unknown);
            byte[] bytes = new byte[24];
            RANDOM.nextBytes(bytes);
            String key = "wf_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("CODE", code);
            row.put("NAME", name);
            row.put("CAMPAIGN_ID", campaignId);
            row.put("LIST_ID", listId);
            row.put("KEY_HASH", ConsentImpl.hash(key));
            row.put("RATE_PER_MINUTE", rate);
            row.put("VERSION", 1L);
            row.put("CREATED_AT", Instant.now());
            row.put("CREATED_BY", actor);
            Sql.insert(db, "MKT_FORM", row);
            events.publish(db, MarketingEvents.FORM_CREATED.created(code, actor, new FormDetails(code, name,
                    campaign, list, rate)));
            return new WebFormCreated(form(db, code).orElseThrow(), key);
        });
    }

    @Override
    public Optional<WebForm> form(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return transactions.required(db -> form(db, code.trim().toUpperCase(Locale.ROOT)));
    }

    @Override
    public List<WebForm> forms() {
        return transactions.required(db -> Sql.rows(db, "SELECT " + COLUMNS + " ORDER BY F.CODE").stream()
                .map(WebFormsImpl::form).toList());
    }

    private static Optional<WebForm> form(Connection db, String code) {
        return Optional.ofNullable(Sql.row(db, "SELECT " + COLUMNS + " WHERE F.CODE = ?", code))
                .map(WebFormsImpl::form);
    }

    private static WebForm form(Object[] r) {
        return new WebForm(Sql.text(r[0]), Sql.text(r[1]), Sql.text(r[2]), Sql.text(r[3]), Sql.intValue(r[4]),
                Sql.longValue(r[5]), Sql.instant(r[6]), Sql.text(r[7]));
    }

    @Override
    public SubmissionResult submit(String formCode, String key, FormSubmission in) {
        String code = formCode == null ? "" : formCode.trim().toUpperCase(Locale.ROOT);
        Object[] form = transactions.required(db -> Sql.row(db, "SELECT F.KEY_HASH, F.RATE_PER_MINUTE, C.CODE, L.CODE"
                + " FROM MKT_FORM F JOIN MKT_CAMPAIGN C ON C.ID = F.CAMPAIGN_ID LEFT JOIN MKT_LIST L ON L.ID = F.LIST_ID"
                + " WHERE F.CODE = ?", code));
        if (form == null) {
            throw new TesseraException(MarketingErrors.FORM_NOT_FOUND, "No web form " + formCode);
        }
        if (key == null || key.isBlank() || !MessageDigest.isEqual(ConsentImpl.hash(key.trim())
                .getBytes(StandardCharsets.US_ASCII), Sql.text(form[0]).getBytes(StandardCharsets.US_ASCII))) {
            throw new TesseraException(MarketingErrors.FORM_KEY_INVALID, "Send the form's key in the X-Form-Key"
                    + " header (it was shown when the form was created)");
        }
        admit(code, Sql.intValue(form[1]));
        List<FieldError> errors = new ArrayList<>();
        FormSubmission s = in == null ? new FormSubmission(null, null, null, null, null, null, null, null, null) : in;
        String email = MarketingImpl.email(s.email(), "email", errors);
        String name = Changes.text(s.name(), "name", 200, false, errors);
        String company = Changes.text(s.company(), "company", 200, false, errors);
        String website = Changes.text(s.website(), "website", 200, false, errors);
        String phone = Changes.text(s.phone(), "phone", 50, false, errors);
        String utmSource = Changes.text(s.utmSource(), "utmSource", 100, false, errors);
        String utmMedium = Changes.text(s.utmMedium(), "utmMedium", 100, false, errors);
        String utmCampaign = Changes.text(s.utmCampaign(), "utmCampaign", 100, false, errors);
        ValidationException.throwIfAny(MarketingErrors.INVALID, "The submission", errors);
        String actor = "web-form:" + code;
        String source = "web-form " + code;
        return transactions.required(db -> {
            String campaign = Sql.text(form[2]);
            if (utmCampaign != null) {
                Object named = Sql.value(db, "SELECT CODE FROM MKT_CAMPAIGN WHERE UTM_CAMPAIGN = ?",
                        utmCampaign.toLowerCase(Locale.ROOT));
                campaign = named == null ? campaign : Sql.text(named);
            }
            Touch touch = marketing.record(List.of(new NewTouch(campaign, email, TouchKind.FORM_FILL, null, source)),
                    actor).get(0);
            Long leadId = null;
            boolean created = false;
            Leads pipeline = leads;
            if (pipeline != null) {
                NewLead lead = new NewLead(name == null ? email.substring(0, email.indexOf('@')) : name, email,
                        company, website, phone, utmSource == null ? source : utmSource, null, "From web form " + code
                        + (utmSource == null && utmMedium == null && utmCampaign == null ? "" : "; utm_source="
                        + dash(utmSource) + ", utm_medium=" + dash(utmMedium) + ", utm_campaign=" + dash(utmCampaign)));
                Optional<DuplicateCandidate> same = pipeline.matches(lead).stream()
                        .filter(c -> email.equalsIgnoreCase(c.email())).findFirst();
                if (same.isPresent()) {
                    leadId = same.get().leadId();
                } else {
                    Lead made = pipeline.createLead(lead, true, actor);
                    leadId = made.id();
                    created = true;
                }
            }
            Subscription subscription = null;
            if (Boolean.TRUE.equals(s.consent()) && form[3] != null) {
                subscription = consent.subscribe(Sql.text(form[3]), email, source, actor, true);
            }
            return new SubmissionResult(code, email, touch.campaign(), touch.id(), leadId, created,
                    subscription == null ? null : subscription.status());
        });
    }

    /** Counts the submission against the form's rate, or refuses it when the last minute has had its share. */
    private void admit(String form, int perMinute) {
        Deque<Long> times = recent.computeIfAbsent(form, f -> new ArrayDeque<>());
        long now = System.nanoTime();
        synchronized (times) {
            while (!times.isEmpty() && now - times.peekFirst() >= MINUTE_NANOS) {
                times.pollFirst();
            }
            if (times.size() >= perMinute) {
                long wait = (MINUTE_NANOS - (now - times.peekFirst())) / 1_000_000_000L + 1;
                throw new TesseraException(MarketingErrors.RATE_LIMITED, "Form " + form + " takes " + perMinute
                        + " submissions a minute; send again in " + wait + " s");
            }
            times.addLast(now);
        }
    }

    private static String dash(String value) {
        return value == null ? "-" : value;
    }
}
