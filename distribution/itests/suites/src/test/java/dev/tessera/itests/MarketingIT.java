package dev.tessera.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFileExtend;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.junit.FixMethodOrder;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.junit.runners.MethodSorters;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.ConfigurationAdmin;

import dev.tessera.crm.pipeline.api.Deals;
import dev.tessera.itests.mailbox.Mailbox;
import dev.tessera.crm.pipeline.api.Lead;
import dev.tessera.crm.pipeline.api.Leads;
import dev.tessera.crm.pipeline.api.NewLead;
import dev.tessera.crm.pipeline.api.Opportunity;
import dev.tessera.crm.pipeline.api.Qualification;
import dev.tessera.crm.pipeline.api.Qualified;
import dev.tessera.platform.api.ModuleManager;

/**
 * Marketing in the running distribution with the pipeline: a lead's score decaying as worked out by hand at two
 * dates and each threshold crossing one event; one won deal's revenue credited to campaigns under every model as
 * worked out by hand, to the cent; bad input refused with its code and nothing written; each role kept to its side;
 * the module disabled and enabled without touching another bundle.
 */
@RunWith(PaxExam.class)
@FixMethodOrder(MethodSorters.NAME_ASCENDING)
@ExamReactorStrategy(PerClass.class)
public class MarketingIT extends RestTestSupport {
    private static final String MARKETER = basic("itest-marketer", "itest-secret");
    private static final String PID = "dev.tessera.crm.marketing";
    private static final String WRITES = "SELECT (SELECT COUNT(*) FROM MKT_CAMPAIGN) + (SELECT COUNT(*) FROM MKT_TOUCH)"
            + " + (SELECT COUNT(*) FROM TSR_EVENT WHERE TYPE LIKE 'marketing.%') FROM TSR_EVENT_ORDER"
            + " FETCH FIRST 1 ROWS ONLY";

    @Inject
    private Leads leads;

    @Inject
    private Deals deals;

    @Inject
    private ModuleManager modules;

    @Inject
    private ConfigurationAdmin configurations;

    @Override
    @Configuration
    public Option[] config() throws IOException {
        List<Option> options = withUsers(super.config());
        options.add(editConfigurationFilePut("etc/users.properties", "itest-marketer", "itest-secret,marketing"));
        options.add(editConfigurationFileExtend("etc/org.apache.karaf.features.cfg", "featuresRepositories",
                new java.io.File(requiredProperty(TEST_FEATURES)).toURI().toString()));
        options.add(editConfigurationFileExtend("etc/org.apache.karaf.features.cfg", "featuresBoot",
                "tessera-crm-pipeline,tessera-crm-marketing,tessera-itest-mailbox"));
        // marketing's mail goes to the SMTP server the tests start inside the container on this port
        options.add(editConfigurationFilePut("etc/" + PID + ".cfg", "smtpHost", "127.0.0.1"));
        options.add(editConfigurationFilePut("etc/" + PID + ".cfg", "smtpPort", Integer.toString(freePort())));
        options.add(editConfigurationFilePut("etc/" + PID + ".cfg", "mailFrom", "Tessera news <news@tessera.test>"));
        return options.toArray(new Option[0]);
    }

    /**
     * Threshold 50, half-life 30 days. Three form fills (20 each) 20 days before N: 60.00 then, 3 × 20 × 2^(−2/3) =
     * 3 × 12.60 = 37.80 at N, not qualified, no event. A form fill (20) and an e-mail open (2) at N: 59.80, qualified:
     * one event; 10 days after N the old ones are at half (30.00), the new ones at 2^(−1/3): 15.87 and 1.59, 47.46.
     * A half-life of one day: the old ones are worth nothing, the new ones about 22: one event down; back to 30 days,
     * one event up.
     */
    @Test
    public void aScoreDecaysAsWorkedOutByHandAndEachCrossingOfTheThresholdIsOneEvent() throws Exception {
        String t = tag();
        campaign("WEB" + t, "PAID_SEARCH");
        Lead lead = leads.createLead(new NewLead("Paula " + t, "paula." + t.toLowerCase() + "@gmail.com", null, null,
                null, "web", null, null), true, "itest");
        awaitStatus(get("/marketing/scores/" + lead.id(), VIEWER), 200);
        Instant n = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60);
        Instant t0 = n.minus(Duration.ofDays(20));
        String email = lead.email();
        String old = "{\"campaign\":\"WEB" + t + "\",\"email\":\"" + email + "\",\"kind\":\"FORM_FILL\",\"occurredAt\":\""
                + t0 + "\"}";
        HttpResponse<String> recorded = send(postJson("/marketing/touches", MARKETER, "{\"touches\":[" + old + ","
                + old + "," + old + "]}"));
        assertEquals(recorded.body(), 201, recorded.statusCode());
        assertTrue(recorded.body(), recorded.body().contains("\"leadId\":" + lead.id()));

        HttpResponse<String> then = send(get("/marketing/scores/" + lead.id() + "?asOf=" + t0, VIEWER));
        assertEquals(then.body(), 200, then.statusCode());
        assertTrue(then.body(), then.body().contains("\"points\":60.00") && then.body().contains("\"qualified\":true"));
        HttpResponse<String> atN = send(get("/marketing/scores/" + lead.id() + "?asOf=" + n, VIEWER));
        assertTrue(atN.body(), atN.body().contains("\"points\":37.80") && atN.body().contains("\"qualified\":false")
                && atN.body().contains("\"ageDays\":20.00"));
        assertEquals("below the threshold now: no event", 0, scoreEvents(lead.id()).size());

        HttpResponse<String> fresh = send(postJson("/marketing/touches", MARKETER, "{\"touches\":[{\"campaign\":\"WEB"
                + t + "\",\"email\":\"" + email.toUpperCase() + "\",\"kind\":\"FORM_FILL\",\"occurredAt\":\"" + n
                + "\"},{\"campaign\":\"web" + t.toLowerCase() + "\",\"email\":\"" + email + "\",\"kind\":\"EMAIL_OPEN\","
                + "\"occurredAt\":\"" + n + "\"}]}"));
        assertEquals(fresh.body(), 201, fresh.statusCode());
        assertScoreEvents(lead.id(), "marketing.score.qualified");
        HttpResponse<String> atNAgain = send(get("/marketing/scores/" + lead.id() + "?asOf=" + n, MARKETER));
        assertTrue(atNAgain.body(), atNAgain.body().contains("\"points\":59.80"));
        HttpResponse<String> later = send(get("/marketing/scores/" + lead.id() + "?asOf=" + n.plus(Duration.ofDays(10)),
                SALES));
        assertTrue(later.body(), later.body().contains("\"points\":47.46") && later.body().contains("\"qualified\":false"));
        assertTrue(later.body(), later.body().contains("\"behaviour: form-fill\"") && later.body().contains("\"campaign\":\"WEB" + t + "\""));
        // one more touch while qualified: still one event
        assertEquals(201, send(postJson("/marketing/touches", MARKETER, "{\"touches\":[{\"campaign\":\"WEB" + t
                + "\",\"email\":\"" + email + "\",\"kind\":\"PAGE_VISIT\",\"occurredAt\":\"" + n + "\"}]}")).statusCode());
        assertScoreEvents(lead.id(), "marketing.score.qualified");

        // the pipeline keeps a read-only copy: qualified, and the campaign that touched the lead first
        HttpResponse<String> copy = awaitBody(get("/pipeline/leads/" + lead.id() + "/marketing", SALES),
                "\"qualified\":true");
        assertTrue(copy.body(), copy.body().contains("\"firstCampaign\":\"WEB"
                + t + "\",\"firstTouchAt\":\"" + t0));
        // the console explains the same score
        String shown = executeCommand("marketing:score --as-of " + t0 + " " + lead.id());
        assertTrue(shown, shown.contains("60.00 points") && shown.contains("marketing-qualified"));

        setHalfLife(1);
        try {
            await("the lead falls below the threshold", Duration.ofSeconds(30), () -> {
                rescore();
                return scoreEvents(lead.id()).size() == 2;
            });
            assertScoreEvents(lead.id(), "marketing.score.qualified", "marketing.score.unqualified");
        } finally {
            setHalfLife(30);
        }
        await("the lead is qualified again", Duration.ofSeconds(30), () -> {
            rescore();
            return scoreEvents(lead.id()).size() == 3;
        });
        send(post("/marketing/scores/rescore", MARKETER));
        assertScoreEvents(lead.id(), "marketing.score.qualified", "marketing.score.unqualified",
                "marketing.score.qualified");
    }

    /**
     * One deal of 1,000.00 won on day W, conversion at the end of W; touches A 28 days before, B 21, C 14, A 7, and D
     * 100 days before (outside the 90-day lookback). First and last touch: A 1,000.00. Linear: A 500.00, B 250.00, C
     * 250.00. U-shaped: A 400 + 400, B 100, C 100. Time decay (half-life 7 days): weights 1/16, 1/8, 1/4, 1/2, A 9/15
     * = 600.00, B 2/15 = 133.33, C 4/15 = 266.67 (the cent left to the largest remainder).
     */
    @Test
    public void oneWonDealIsCreditedToItsCampaignsUnderEveryModelToTheCentAsWorkedOutByHand() throws Exception {
        String t = tag();
        for (String c : List.of("A", "B", "C", "D")) {
            campaign(c + t, "EMAIL");
        }
        assertEquals(200, send(putJson("/marketing/campaigns/A" + t, MARKETER, "{\"cost\":200}")).statusCode());
        Lead lead = leads.createLead(new NewLead("Ada " + t, "ada." + t.toLowerCase() + "@northwind.example",
                "Northwind " + t, null, null, "event", null, null), true, "itest");
        Qualified q = leads.qualify(lead.id(), new Qualification(null, "Deal " + t, new BigDecimal("1000.00"), "EUR",
                null, null), "itest");
        Opportunity won = deals.win(q.opportunity().id(), "signed", "itest");
        LocalDate w = won.closedOn();
        Instant end = w.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        String touches = List.of("A:28", "B:21", "C:14", "A:7", "D:100").stream().map(s -> "{\"campaign\":\""
                + s.split(":")[0] + t + "\",\"email\":\"" + lead.email() + "\",\"kind\":\"EMAIL_CLICK\",\"occurredAt\":\""
                + end.minus(Duration.ofDays(Long.parseLong(s.split(":")[1]))) + "\"}").collect(Collectors.joining(","));
        assertEquals(201, send(postJson("/marketing/touches", MARKETER, "{\"touches\":[" + touches + "]}")).statusCode());

        String period = "&from=" + w + "&to=" + w;
        HttpResponse<String> first = awaitBody(get("/marketing/attribution?model=first-touch" + period, VIEWER),
                "\"opportunityId\":" + won.id() + ",\"leadId\":" + lead.id());
        assertCredits(first.body(), won.id(), "{\"campaign\":\"A" + t + "\",\"amount\":1000.00}");
        assertCredits(body("last-touch", period), won.id(), "{\"campaign\":\"A" + t + "\",\"amount\":1000.00}");
        String linear = body("linear", period);
        assertCredits(linear, won.id(), "{\"campaign\":\"A" + t + "\",\"amount\":500.00},{\"campaign\":\"B" + t
                + "\",\"amount\":250.00},{\"campaign\":\"C" + t + "\",\"amount\":250.00}");
        assertCredits(body("u-shaped", period), won.id(), "{\"campaign\":\"A" + t + "\",\"amount\":800.00},"
                + "{\"campaign\":\"B" + t + "\",\"amount\":100.00},{\"campaign\":\"C" + t + "\",\"amount\":100.00}");
        assertCredits(body("TIME_DECAY", period), won.id(), "{\"campaign\":\"A" + t + "\",\"amount\":600.00},"
                + "{\"campaign\":\"B" + t + "\",\"amount\":133.33},{\"campaign\":\"C" + t + "\",\"amount\":266.67}");
        // the campaign rows: A's revenue against its cost, D outside the lookback
        assertTrue(linear, java.util.regex.Pattern.compile("\\{\"campaign\":\"A" + t + "\",\"name\":\"Campaign A" + t
                + "\",\"currency\":\"EUR\",\"touches\":0,\"leads\":0,\"opportunities\":1,\"revenue\":500.00,\"cost\":200(\\.00)?,"
                + "\"roi\":1.5000}").matcher(linear).find());
        assertTrue(linear, linear.contains("{\"campaign\":\"D" + t + "\",\"name\":\"Campaign D" + t + "\",\"currency\":"
                + "\"EUR\",\"touches\":0,\"leads\":0,\"opportunities\":0,\"revenue\":0.00"));
        String console = executeCommand("marketing:attribution --model u-shaped --from " + w + " --to " + w);
        assertTrue(console, console.contains("A" + t) && console.contains("800.00"));
    }

    @Test
    public void badInputIsRefusedWithItsCodeAndNothingIsWritten() throws Exception {
        String t = tag();
        campaign("BAD" + t, "SOCIAL");
        long before = count(WRITES);
        HttpResponse<String> unknown = send(postJson("/marketing/touches", MARKETER, "{\"touches\":[{\"campaign\":\"BAD"
                + t + "\",\"email\":\"a@b.example\",\"kind\":\"PAGE_VISIT\"},{\"campaign\":\"NOPE" + t
                + "\",\"email\":\"a@b.example\",\"kind\":\"PAGE_VISIT\"}]}"));
        assertEquals(unknown.body(), 400, unknown.statusCode());
        assertProblem(unknown, "marketing.unknown-campaign");
        assertTrue(unknown.body(), unknown.body().contains("touches[1].campaign"));
        HttpResponse<String> malformed = send(postJson("/marketing/touches", MARKETER, "{\"touches\":[{\"campaign\":\"BAD"
                + t + "\",\"email\":\"not-an-address\",\"kind\":\"PAGE_VISIT\"},{\"campaign\":\"BAD" + t
                + "\",\"email\":\"a@b.example\",\"kind\":\"PAGE_VISIT\",\"occurredAt\":\"2999-01-01T00:00:00Z\"}]}"));
        assertEquals(malformed.body(), 400, malformed.statusCode());
        assertProblem(malformed, "marketing.invalid");
        assertTrue(malformed.body(), malformed.body().contains("touches[0].email")
                && malformed.body().contains("touches[1].occurredAt"));
        HttpResponse<String> kind = send(postJson("/marketing/touches", MARKETER, "{\"touches\":[{\"campaign\":\"BAD" + t
                + "\",\"email\":\"a@b.example\",\"kind\":\"telepathy\"}]}"));
        assertEquals(kind.body(), 400, kind.statusCode());
        HttpResponse<String> twice = send(postJson("/marketing/campaigns", MARKETER, "{\"code\":\"BAD" + t
                + "\",\"name\":\"Again\",\"channel\":\"SOCIAL\"}"));
        assertEquals(twice.body(), 409, twice.statusCode());
        assertProblem(twice, "marketing.duplicate-campaign");
        HttpResponse<String> fields = send(postJson("/marketing/campaigns", MARKETER, "{\"code\":\"no spaces\","
                + "\"name\":\"\",\"currency\":\"EURO\",\"budget\":-5}"));
        assertEquals(fields.body(), 400, fields.statusCode());
        assertTrue(fields.body(), fields.body().contains("\"code\"") && fields.body().contains("\"channel\"")
                && fields.body().contains("\"currency\"") && fields.body().contains("\"budget\""));
        assertEquals("nothing written", before, count(WRITES));

        HttpResponse<String> model = send(get("/marketing/attribution?model=everything&from=2026-01-01&to=2026-12-31",
                VIEWER));
        assertEquals(model.body(), 400, model.statusCode());
        assertTrue(model.body(), model.body().contains("u-shaped"));
        HttpResponse<String> noDates = send(get("/marketing/attribution?model=linear", VIEWER));
        assertEquals(noDates.body(), 400, noDates.statusCode());
        assertTrue(noDates.body(), noDates.body().contains("\"from\"") && noDates.body().contains("\"to\""));
        HttpResponse<String> asOf = send(get("/marketing/scores/1?asOf=yesterday", VIEWER));
        assertEquals(asOf.body(), 400, asOf.statusCode());
        HttpResponse<String> noLead = send(get("/marketing/scores/999999999", VIEWER));
        assertEquals(noLead.body(), 404, noLead.statusCode());
        assertProblem(noLead, "marketing.lead-not-found");
        HttpResponse<String> closed = send(putJson("/marketing/campaigns/BAD" + t, MARKETER, "{\"status\":\"COMPLETED\"}"));
        assertEquals(closed.body(), 200, closed.statusCode());
        HttpResponse<String> reopen = send(putJson("/marketing/campaigns/BAD" + t, MARKETER, "{\"name\":\"Later\"}"));
        assertEquals(reopen.body(), 409, reopen.statusCode());
        assertProblem(reopen, "marketing.campaign-closed");
        assertHostileInputRefused(List.of("/marketing/campaigns", "/marketing/touches"), MARKETER);
    }

    @Test
    public void eachRoleKeepsToItsSide() throws Exception {
        String t = tag();
        String body = "{\"code\":\"R" + t + "\",\"name\":\"Roles\",\"channel\":\"DISPLAY\"}";
        assertEquals(403, send(postJson("/marketing/campaigns", VIEWER, body)).statusCode());
        assertEquals(403, send(postJson("/marketing/campaigns", SALES, body)).statusCode());
        assertEquals(201, send(postJson("/marketing/campaigns", MARKETER, body)).statusCode());
        String touch = "{\"touches\":[{\"campaign\":\"R" + t + "\",\"email\":\"r@r.example\",\"kind\":\"PAGE_VISIT\"}]}";
        assertEquals(403, send(postJson("/marketing/touches", SALES, touch)).statusCode());
        assertEquals(403, send(post("/marketing/scores/rescore", VIEWER)).statusCode());
        assertEquals(200, send(get("/marketing/campaigns/R" + t, SALES)).statusCode());
        assertEquals(200, send(get("/marketing/touches?campaign=R" + t, VIEWER)).statusCode());
        CommandResult viewer = tryCommandAs("marketing:campaign-add V" + t + " Viewer email", "viewer");
        assertTrue(String.valueOf(viewer.failure()), viewer.failure() != null
                && viewer.failure().contains("Command not found"));
        CommandResult marketer = tryCommandAs("marketing:campaign-add --budget 500 M" + t + " 'Console campaign' email",
                "marketing");
        assertEquals(marketer.output(), null, marketer.failure());
        String list = tryCommandAs("marketing:campaigns", "viewer").output();
        assertTrue(list, list.contains("M" + t) && list.contains("500.00"));
    }

    /**
     * Two lists: leaving one keeps the other; a global opt-out ends both and suppresses the address; subscribing again
     * then needs the person's confirmation, which the mailed link gives (a page with a button, so a link scanner
     * confirms nothing) and which lifts the suppression for that list only. Each step is in the address's history
     * with its source, and an event.
     */
    @Test
    public void leavingOneListKeepsTheOtherAndAfterAGlobalOptOutOnlyAConfirmedSubscriptionCountsAgain()
            throws Exception {
        startMailbox();
        String t = tag();
        list("NEWS" + t, false);
        list("OFFERS" + t, false);
        String email = "lena." + t.toLowerCase() + "@example.org";
        assertStatusOf(subscribe("NEWS" + t, email, "web-form footer"), 201, "\"status\":\"SUBSCRIBED\"");
        assertStatusOf(subscribe("OFFERS" + t, email.toUpperCase(), "trade fair sheet"), 201,
                "\"status\":\"SUBSCRIBED\"");
        HttpResponse<String> left = send(postJson("/marketing/subscriptions/unsubscribe", MARKETER, "{\"list\":\"NEWS"
                + t + "\",\"email\":\"" + email + "\",\"source\":\"phone call\"}"));
        assertEquals(left.body(), 200, left.statusCode());
        assertTrue(left.body(), left.body().contains("\"status\":\"UNSUBSCRIBED\""));
        String mine = send(get("/marketing/subscriptions?email=" + email, VIEWER)).body();
        assertTrue(mine, mine.contains("\"list\":\"OFFERS" + t + "\",\"email\":\"" + email
                + "\",\"status\":\"SUBSCRIBED\""));
        assertTrue(send(get("/marketing/consent?email=" + email, VIEWER)).body().contains("\"suppression\":null"));

        HttpResponse<String> out = send(postJson("/marketing/opt-outs", MARKETER, "{\"email\":\"" + email
                + "\",\"source\":\"letter\"}"));
        assertEquals(out.body(), 200, out.statusCode());
        assertTrue(out.body(), out.body().contains("\"reason\":\"OPT_OUT\""));
        String after = send(get("/marketing/subscriptions?email=" + email, VIEWER)).body();
        assertEquals(after, 2, count(after, "\"status\":\"UNSUBSCRIBED\""));

        // subscribing again: pending until the person confirms; a confirmation mail goes out
        assertStatusOf(subscribe("OFFERS" + t, email, "web-form offers"), 201, "\"status\":\"PENDING\"");
        Mailbox.Mail mail = awaitMail(email, 1).get(0);
        assertEquals("Tessera news <news@tessera.test>", mail.from());
        assertTrue(mail.subject(), mail.subject().contains("Campaign list OFFERS" + t));
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("(/api/v1/marketing/public/confirm)\\?token="
                + "([A-Za-z0-9_-]{43})").matcher(mail.text());
        assertTrue(mail.text(), link.find());
        String token = link.group(2);
        HttpResponse<String> page = send(request("/marketing/public/confirm?token=" + token, null).GET().build());
        assertEquals(page.body(), 200, page.statusCode());
        assertTrue(page.body(), page.body().contains("<form method=\"post\">") && page.body().contains(token));
        assertTrue("opening the link confirms nothing", send(get("/marketing/subscriptions?email=" + email, VIEWER))
                .body().contains("\"status\":\"PENDING\""));
        HttpResponse<String> confirmed = send(confirm(token));
        assertEquals(confirmed.body(), 200, confirmed.statusCode());
        assertTrue(confirmed.body(), confirmed.body().contains(email + " is subscribed to Campaign list OFFERS" + t));
        HttpResponse<String> again = send(confirm(token));
        assertEquals("a link works once", 400, again.statusCode());
        assertTrue(again.body(), again.body().contains("marketing.confirmation-invalid"));

        String consent = send(get("/marketing/consent?email=" + email, MARKETER)).body();
        assertTrue(consent, consent.contains("\"suppression\":null"));
        assertTrue(consent, consent.contains("\"list\":\"OFFERS" + t + "\",\"email\":\"" + email
                + "\",\"status\":\"SUBSCRIBED\",\"source\":\"confirmation-link\""));
        assertTrue(consent, consent.contains("\"list\":\"NEWS" + t + "\",\"email\":\"" + email
                + "\",\"status\":\"UNSUBSCRIBED\""));
        assertEquals(List.of("SUBSCRIBED NEWS" + t + " web-form footer", "SUBSCRIBED OFFERS" + t + " trade fair sheet",
                "UNSUBSCRIBED NEWS" + t + " phone call", "UNSUBSCRIBED OFFERS" + t + " letter", "OPTED_OUT - letter",
                "CONFIRMATION_REQUESTED OFFERS" + t + " web-form offers", "CONFIRMED OFFERS" + t + " confirmation-link",
                "SUPPRESSION_LIFTED - confirmation-link"), history(email));
        assertEquals("one event a change", 8, count("SELECT COUNT(*) FROM TSR_EVENT WHERE TYPE IN"
                + " ('marketing.subscription.changed', 'marketing.suppression.changed') AND (RECORD_ID = '" + email
                + "' OR RECORD_ID LIKE '%:" + email + "')"));
        String console = executeCommand("marketing:consent " + email);
        assertTrue(console, console.contains("not suppressed") && console.contains("opted-out"));
    }

    /**
     * A double opt-in list counts a subscriber only once the person confirmed; a hard bounce suppresses the address
     * until its owner confirms again; a confirmation asked for twice within minutes sends one mail.
     */
    @Test
    public void aDoubleOptInListCountsASubscriberOnlyOnceConfirmedAndABounceNeedsAConfirmationToo() throws Exception {
        startMailbox();
        String t = tag();
        list("CONFIRMED" + t, true);
        String email = "otto." + t.toLowerCase() + "@example.org";
        assertStatusOf(subscribe("CONFIRMED" + t, email, null), 201, "\"status\":\"PENDING\"");
        assertStatusOf(subscribe("CONFIRMED" + t, email, null), 201, "\"status\":\"PENDING\"");
        assertTrue(send(get("/marketing/lists/CONFIRMED" + t, VIEWER)).body().contains("\"subscribers\":0"));
        String token = token(awaitMail(email, 1).get(0));
        assertEquals(200, send(confirm(token)).statusCode());
        assertTrue(send(get("/marketing/lists/CONFIRMED" + t, VIEWER)).body().contains("\"subscribers\":1"));
        assertEquals("asked twice, one mail", 1, Mailbox.receivedBy(email).size());

        HttpResponse<String> bounce = send(postJson("/marketing/bounces", MARKETER, "{\"email\":\"" + email
                + "\",\"source\":\"bounce mailbox\"}"));
        assertEquals(bounce.body(), 200, bounce.statusCode());
        assertTrue(bounce.body(), bounce.body().contains("\"reason\":\"HARD_BOUNCE\""));
        assertTrue(send(get("/marketing/suppressions?limit=1000", VIEWER)).body().contains("\"email\":\"" + email
                + "\""));
        assertStatusOf(subscribe("CONFIRMED" + t, email, "web-form"), 201, "\"status\":\"SUBSCRIBED\"");
        assertTrue("still suppressed until confirmed", send(get("/marketing/consent?email=" + email, VIEWER)).body()
                .contains("\"reason\":\"HARD_BOUNCE\""));
        assertEquals(200, send(confirm(token(awaitMail(email, 2).get(1)))).statusCode());
        assertTrue(send(get("/marketing/consent?email=" + email, VIEWER)).body().contains("\"suppression\":null"));
        String lists = executeCommand("marketing:lists");
        assertTrue(lists, lists.contains("CONFIRMED" + t) && lists.contains("yes"));
    }

    /**
     * A website's form posts without a login but with its key: the person becomes a lead in the pipeline with the UTM
     * fields, a form-fill touch goes to the campaign its utm_campaign names, consent subscribes once the person
     * confirms by mail; the same person again
     * is the same lead; no key, a wrong key or too many posts a minute are refused with their codes.
     */
    @Test
    public void aWebFormCapturesTheLeadWithItsUtmFieldsRecordsTheTouchAndSubscribesWithConsent() throws Exception {
        startMailbox();
        String t = tag();
        campaign("FORM" + t, "OTHER");
        campaign("ADS" + t, "PAID_SEARCH");
        list("L" + t, false);
        HttpResponse<String> made = send(postJson("/marketing/forms", MARKETER, "{\"code\":\"F" + t + "\",\"name\":"
                + "\"Contact us\",\"campaign\":\"FORM" + t + "\",\"list\":\"L" + t + "\",\"ratePerMinute\":3}"));
        assertEquals(made.body(), 201, made.statusCode());
        java.util.regex.Matcher k = java.util.regex.Pattern.compile("\"key\":\"(wf_[A-Za-z0-9_-]+)\"")
                .matcher(made.body());
        assertTrue(made.body(), k.find());
        String key = k.group(1);
        String email = "ida." + t.toLowerCase() + "@acme.example";
        String body = "{\"name\":\"Ida " + t + "\",\"email\":\"" + email + "\",\"company\":\"Acme " + t
                + "\",\"utmSource\":\"google\",\"utmMedium\":\"cpc\",\"utmCampaign\":\"ads" + t.toLowerCase()
                + "\",\"consent\":true}";
        long before = count(WRITES);
        HttpResponse<String> noKey = send(submission("F" + t, null, body));
        assertEquals(noKey.body(), 403, noKey.statusCode());
        assertProblem(noKey, "marketing.form-key-invalid");
        assertEquals(403, send(submission("F" + t, key + "x", body)).statusCode());
        assertEquals(404, send(submission("NOFORM" + t, key, body)).statusCode());
        assertEquals("nothing written without the key", before, count(WRITES));

        HttpResponse<String> first = send(submission("F" + t, key, body));
        assertEquals(first.body(), 201, first.statusCode());
        assertTrue(first.body(), first.body().contains("\"campaign\":\"ADS" + t + "\"")
                && first.body().contains("\"leadCreated\":true") && first.body().contains("\"subscription\":\"PENDING\""));
        long leadId = number(first.body(), "leadId");
        Lead lead = leads.lead(leadId).orElseThrow();
        assertEquals(email, lead.email());
        assertEquals("google", lead.source());
        assertTrue(lead.notes(), lead.notes().contains("From web form F" + t) && lead.notes().contains("utm_medium=cpc")
                && lead.notes().contains("utm_campaign=ads" + t.toLowerCase()));
        String touched = send(get("/marketing/touches?campaign=ADS" + t, VIEWER)).body();
        assertTrue(touched, touched.contains("\"email\":\"" + email + "\"") && touched.contains("\"kind\":\"FORM_FILL\"")
                && touched.contains("\"source\":\"web-form F" + t + "\"") && touched.contains("\"recordedBy\":\"web-form:F" + t + "\""));
        assertTrue(send(get("/marketing/subscriptions?email=" + email, VIEWER)).body().contains("\"source\":\"web-form F"
                + t + "\""));
        // anyone may type anyone's address into a public form: the person confirms through the mailed link first
        assertEquals(200, send(confirm(token(awaitMail(email, 1).get(0)))).statusCode());
        assertTrue(send(get("/marketing/subscriptions?email=" + email, VIEWER)).body().contains("\"status\":\"SUBSCRIBED\""));

        HttpResponse<String> again = send(submission("F" + t, key, "{\"email\":\"" + email.toUpperCase() + "\"}"));
        assertEquals(again.body(), 201, again.statusCode());
        assertTrue(again.body(), again.body().contains("\"leadId\":" + leadId + ",\"leadCreated\":false")
                && again.body().contains("\"campaign\":\"FORM" + t + "\"") && again.body().contains("\"subscription\":null"));
        HttpResponse<String> bad = send(submission("F" + t, key, "{\"email\":\"not an address\"}"));
        assertEquals(bad.body(), 400, bad.statusCode());
        assertProblem(bad, "marketing.invalid");
        HttpResponse<String> flood = send(submission("F" + t, key, body));
        assertEquals(flood.body(), 429, flood.statusCode());
        assertProblem(flood, "marketing.rate-limited");
        assertTrue(flood.headers().firstValue("Retry-After").isPresent());
        String shown = executeCommand("marketing:forms");
        assertTrue(shown, shown.contains("F" + t) && shown.contains("FORM" + t) && shown.contains("L" + t));
    }

    private java.net.http.HttpRequest submission(String form, String key, String json) {
        java.net.http.HttpRequest.Builder b = request("/marketing/forms/" + form + "/submissions", null)
                .header("Content-Type", "application/json");
        if (key != null) {
            b.header("X-Form-Key", key);
        }
        return b.POST(java.net.http.HttpRequest.BodyPublishers.ofString(json)).build();
    }

    @Test
    public void badConsentInputIsRefusedWithItsCodeAndNothingIsWritten() throws Exception {
        String t = tag();
        list("B" + t, false);
        String writes = "SELECT (SELECT COUNT(*) FROM MKT_SUBSCRIPTION) + (SELECT COUNT(*) FROM MKT_CONSENT_LOG)"
                + " + (SELECT COUNT(*) FROM MKT_MAIL) + (SELECT COUNT(*) FROM MKT_LIST) FROM TSR_EVENT_ORDER"
                + " FETCH FIRST 1 ROWS ONLY";
        long before = count(writes);
        HttpResponse<String> unknown = subscribe("NOPE" + t, "a@b.example", null);
        assertEquals(unknown.body(), 400, unknown.statusCode());
        assertProblem(unknown, "marketing.unknown-list");
        HttpResponse<String> malformed = subscribe("B" + t, "not an address", null);
        assertEquals(malformed.body(), 400, malformed.statusCode());
        assertProblem(malformed, "marketing.invalid");
        assertTrue(malformed.body(), malformed.body().contains("\"email\""));
        HttpResponse<String> twice = send(postJson("/marketing/lists", MARKETER, "{\"code\":\"B" + t
                + "\",\"name\":\"Again\"}"));
        assertEquals(twice.body(), 409, twice.statusCode());
        assertProblem(twice, "marketing.duplicate-list");
        HttpResponse<String> nobody = send(postJson("/marketing/subscriptions/unsubscribe", MARKETER, "{\"list\":\"B"
                + t + "\",\"email\":\"never@b.example\"}"));
        assertEquals(nobody.body(), 404, nobody.statusCode());
        assertProblem(nobody, "marketing.subscription-not-found");
        HttpResponse<String> forged = send(confirm("forged-token-of-forty-three-characters-long1"));
        assertEquals(forged.body(), 400, forged.statusCode());
        assertTrue(forged.body(), forged.body().contains("marketing.confirmation-invalid"));
        HttpResponse<String> noToken = send(request("/marketing/public/confirm", null).GET().build());
        assertEquals(noToken.body(), 400, noToken.statusCode());
        HttpResponse<String> noEmail = send(get("/marketing/consent", VIEWER));
        assertEquals(noEmail.body(), 400, noEmail.statusCode());
        HttpResponse<String> noList = send(get("/marketing/subscriptions?list=NOPE" + t, VIEWER));
        assertEquals(noList.body(), 404, noList.statusCode());
        assertProblem(noList, "marketing.list-not-found");
        assertEquals("nothing written", before, count(writes));
        assertHostileInputRefused(List.of("/marketing/lists", "/marketing/subscriptions", "/marketing/opt-outs"),
                MARKETER);
    }

    @Test
    public void consentIsWrittenByMarketingOnlyAndReadByViewersButNotBySales() throws Exception {
        String t = tag();
        String body = "{\"code\":\"ROLE" + t + "\",\"name\":\"Roles\"}";
        assertEquals(403, send(postJson("/marketing/lists", VIEWER, body)).statusCode());
        assertEquals(201, send(postJson("/marketing/lists", MARKETER, body)).statusCode());
        String sub = "{\"list\":\"ROLE" + t + "\",\"email\":\"r@r.example\"}";
        assertEquals(403, send(postJson("/marketing/subscriptions", SALES, sub)).statusCode());
        assertEquals(403, send(postJson("/marketing/opt-outs", VIEWER, "{\"email\":\"r@r.example\"}")).statusCode());
        assertEquals(401, send(postJson("/marketing/subscriptions", null, sub)).statusCode());
        assertEquals(201, send(postJson("/marketing/subscriptions", MARKETER, sub)).statusCode());
        assertEquals(200, send(get("/marketing/consent?email=r@r.example", VIEWER)).statusCode());
        assertEquals(403, send(get("/marketing/consent?email=r@r.example", SALES)).statusCode());
        assertEquals(403, send(get("/marketing/subscriptions?list=ROLE" + t, SALES)).statusCode());
        CommandResult viewer = tryCommandAs("marketing:opt-out r@r.example", "viewer");
        assertTrue(String.valueOf(viewer.failure()), viewer.failure() != null
                && viewer.failure().contains("Command not found"));
        CommandResult marketer = tryCommandAs("marketing:subscribe --source console ROLE" + t + " s@r.example",
                "marketing");
        assertEquals(marketer.output(), null, marketer.failure());
        assertTrue(marketer.output(), marketer.output().contains("subscribed"));
    }

    /**
     * Runs last (hence its name): the module's API bundle goes with it; from here on only REST is used.
     */
    @Test
    public void z_disablingAndEnablingMarketingTouchesNoOtherBundleAndKeepsItsCampaigns() throws Exception {
        String t = tag();
        campaign("KEEP" + t, "REFERRAL");
        Lead hot = leads.createLead(new NewLead("Hot " + t, "hot." + t.toLowerCase() + "@example.org", null, null, null,
                "web", null, null), true, "itest");
        awaitStatus(get("/marketing/scores/" + hot.id(), VIEWER), 200);
        String fill = "{\"campaign\":\"KEEP" + t + "\",\"email\":\"" + hot.email() + "\",\"kind\":\"FORM_FILL\"}";
        assertEquals(201, send(postJson("/marketing/touches", MARKETER, "{\"touches\":[" + fill + "," + fill + ","
                + fill + "]}")).statusCode());
        awaitBody(get("/pipeline/leads/" + hot.id() + "/marketing", VIEWER), "\"qualified\":true");
        List<String> gone = recordBundleEventsOutside("dev.tessera.crm.marketing.",
                () -> modules.disable(List.of("crm-marketing")));
        assertEquals("bundle events outside marketing", List.of(), gone);
        long away;
        try {
            awaitStatus(get("/marketing/campaigns/KEEP" + t, VIEWER), 404);
            HttpResponse<String> kept = send(get("/pipeline/leads/" + hot.id() + "/marketing", VIEWER));
            assertTrue("the pipeline keeps its copy: " + kept.body(), kept.body().contains("\"qualified\":true")
                    && kept.body().contains("\"firstCampaign\":\"KEEP" + t + "\""));
            // the pipeline works without it
            HttpResponse<String> lead = send(postJson("/pipeline/leads", ADMIN, "{\"name\":\"While away " + t
                    + "\",\"email\":\"away." + t.toLowerCase() + "@example.org\"}"));
            assertEquals(lead.body(), 201, lead.statusCode());
            away = number(lead.body(), "id");
        } finally {
            List<String> back = recordBundleEventsOutside("dev.tessera.crm.marketing.",
                    () -> modules.enable(List.of("crm-marketing")));
            assertEquals("bundle events outside marketing", List.of(), back);
        }
        awaitBody(get("/marketing/campaigns/KEEP" + t, VIEWER), "\"code\":\"KEEP" + t + "\"");
        // the lead created while marketing was away reaches it from the pipeline's events
        HttpResponse<String> known = awaitBody(get("/marketing/scores/" + away, VIEWER), "\"leadId\":" + away);
        assertTrue(known.body(), known.body().contains("away." + t.toLowerCase() + "@example.org"));
    }

    private void startMailbox() throws IOException {
        org.osgi.service.cm.Configuration c = configurations.getConfiguration(PID, null);
        Mailbox.start(Integer.parseInt(String.valueOf(c.getProperties().get("smtpPort")).trim()));
    }

    private List<Mailbox.Mail> awaitMail(String address, int count) {
        try {
            await("mail for " + address, Duration.ofSeconds(30), () -> Mailbox.receivedBy(address).size() >= count);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; marketing:mails says " + executeCommand("marketing:mails"), e);
        }
        return Mailbox.receivedBy(address);
    }

    private static String token(Mailbox.Mail mail) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("token=([A-Za-z0-9_-]{43})").matcher(mail.text());
        assertTrue(mail.text(), m.find());
        return m.group(1);
    }

    private java.net.http.HttpRequest confirm(String token) {
        return request("/marketing/public/confirm", null).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("token=" + token)).build();
    }

    private void list(String code, boolean doubleOptIn) throws Exception {
        HttpResponse<String> created = send(postJson("/marketing/lists", MARKETER, "{\"code\":\"" + code
                + "\",\"name\":\"Campaign list " + code + "\",\"doubleOptIn\":" + doubleOptIn + "}"));
        assertEquals(created.body(), 201, created.statusCode());
    }

    private HttpResponse<String> subscribe(String list, String email, String source) throws Exception {
        return send(postJson("/marketing/subscriptions", MARKETER, "{\"list\":\"" + list + "\",\"email\":\""
                + email + "\"" + (source == null ? "" : ",\"source\":\"" + source + "\"") + "}"));
    }

    private static void assertStatusOf(HttpResponse<String> response, int status, String contains) {
        assertEquals(response.body(), status, response.statusCode());
        assertTrue(response.body(), response.body().contains(contains));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    /** The address's consent history as 'CHANGE LIST SOURCE' lines, oldest first. */
    private List<String> history(String email) throws Exception {
        String body = send(get("/marketing/consent?email=" + email, VIEWER)).body();
        String entries = body.substring(body.indexOf("\"history\":"));
        List<String> lines = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{\"id\":\\d+,\"email\":\"[^\"]+\",\"list\":"
                + "(null|\"([^\"]+)\"),\"action\":\"([A-Z_]+)\",\"source\":(null|\"([^\"]*)\")").matcher(entries);
        while (m.find()) {
            lines.add(m.group(3) + " " + (m.group(2) == null ? "-" : m.group(2)) + " " + m.group(5));
        }
        return lines;
    }

    private void campaign(String code, String channel) throws Exception {
        HttpResponse<String> created = send(postJson("/marketing/campaigns", MARKETER, "{\"code\":\"" + code
                + "\",\"name\":\"Campaign " + code + "\",\"channel\":\"" + channel + "\",\"budget\":1000}"));
        assertEquals(created.body(), 201, created.statusCode());
    }

    private String body(String model, String period) throws Exception {
        HttpResponse<String> r = send(get("/marketing/attribution?model=" + model + period, VIEWER));
        assertEquals(r.body(), 200, r.statusCode());
        return r.body();
    }

    private static void assertCredits(String body, long opportunity, String credits) {
        assertTrue(body, body.contains("\"opportunityId\":" + opportunity) && body.contains("\"credits\":[" + credits
                + "]"));
    }

    private java.net.http.HttpRequest putJson(String path, String authorization, String json) {
        return request(path, authorization).header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(json)).build();
    }

    /**
     * The lead's score events are these: they are written in the transaction of the request that crossed the
     * threshold, so they are in the outbox when the request has answered.
     */
    private void assertScoreEvents(long lead, String... types) {
        assertEquals(List.of(types), scoreEvents(lead));
    }

    /** The types of the lead's score events, in the order they were written. */
    private List<String> scoreEvents(long lead) {
        List<String> types = new ArrayList<>();
        org.osgi.framework.ServiceReference<javax.sql.DataSource> ref;
        try {
            ref = bundleContext.getServiceReferences(javax.sql.DataSource.class, "(osgi.jndi.service.name=tessera)")
                    .iterator().next();
        } catch (org.osgi.framework.InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        javax.sql.DataSource dataSource = bundleContext.getService(ref);
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.PreparedStatement s = c.prepareStatement(
                "SELECT E.TYPE FROM TSR_EVENT E WHERE E.RECORD_TYPE = 'score' AND E.RECORD_ID = ? ORDER BY E.ID")) {
            s.setString(1, Long.toString(lead));
            try (java.sql.ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    types.add(r.getString(1));
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            bundleContext.ungetService(ref);
        }
        return types;
    }

    private void rescore() {
        try {
            assertEquals(200, send(post("/marketing/scores/rescore", MARKETER)).statusCode());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void setHalfLife(double days) throws Exception {
        org.osgi.service.cm.Configuration c = configurations.getConfiguration(PID, null);
        Dictionary<String, Object> p = c.getProperties() == null ? new java.util.Hashtable<>() : c.getProperties();
        p.put("scoreHalfLifeDays", Double.toString(days));
        c.update(p);
    }

    private static String tag() {
        return Long.toString(System.nanoTime(), 36).toUpperCase();
    }
}
