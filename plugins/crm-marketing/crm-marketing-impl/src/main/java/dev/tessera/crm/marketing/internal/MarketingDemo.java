package dev.tessera.crm.marketing.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.tessera.crm.marketing.api.CampaignChanges;
import dev.tessera.crm.marketing.api.CampaignStatus;
import dev.tessera.crm.marketing.api.Campaigns;
import dev.tessera.crm.marketing.api.Channel;
import dev.tessera.crm.marketing.api.Consent;
import dev.tessera.crm.marketing.api.NewMailingList;
import dev.tessera.crm.marketing.api.NewCampaign;
import dev.tessera.crm.marketing.api.NewTouch;
import dev.tessera.crm.marketing.api.TouchKind;
import dev.tessera.crm.marketing.api.Touches;
import dev.tessera.platform.api.DemoData;

/**
 * Marketing's demo: three campaigns with their costs and the touches of the pipeline demo's people over the last
 * weeks: Northwind's buyer, whose deal was won today, came through the search ads, the newsletter and the webinar
 * (so `marketing:attribution` credits the deal to all three, differently under each model); two leads filled in
 * the webinar's form (marketing-qualified once the pipeline's leads have reached marketing). The newsletter list has
 * three subscribers and one address that opted out; the barista tips list asks for double opt-in.
 */
@Component(service = DemoData.class)
public final class MarketingDemo implements DemoData {
    private static final String ACTOR = "system:demo";
    private static final String MARKER = "SPRING-WEBINAR";

    private final Campaigns campaigns;
    private final Touches touches;
    private final Consent consent;

    @Activate
    public MarketingDemo(@Reference Campaigns campaigns, @Reference Touches touches, @Reference Consent consent) {
        this.campaigns = campaigns;
        this.touches = touches;
        this.consent = consent;
    }

    @Override
    public String moduleId() {
        return "crm-marketing";
    }

    @Override
    public Set<String> after() {
        return Set.of("crm-pipeline");
    }

    @Override
    public String load() {
        if (consent.list("NEWSLETTER").isEmpty()) {
            consent.createList(new NewMailingList("NEWSLETTER", "Monthly newsletter", "News, recipes and offers,"
                    + " once a month", false), ACTOR);
            consent.createList(new NewMailingList("BARISTA-TIPS", "Barista tips", "A weekly tip; each new"
                    + " subscriber confirms by mail", true), ACTOR);
            for (String person : List.of("mia.keller@northwind.example", "tom.fischer@litware.example",
                    "eva@adventure-works.example")) {
                consent.subscribe("NEWSLETTER", person, "demo: webinar sign-up", ACTOR);
            }
            consent.subscribe("NEWSLETTER", "noah.schmid@gmail.com", "demo: search ads landing page", ACTOR);
            consent.optOut("noah.schmid@gmail.com", "demo: unsubscribe link", ACTOR);
        }
        if (campaigns.campaign(MARKER).isPresent()) {
            return summary();
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        campaign(MARKER, "Spring coffee webinar", Channel.EVENT, today.minusDays(40), "1500.00", "1200.00", "webinar",
                "event");
        campaign("NEWSLETTER", "Monthly newsletter", Channel.EMAIL, today.minusDays(90), "600.00", "300.00",
                "newsletter", "email");
        campaign("SEARCH-ADS", "Search ads: office coffee", Channel.PAID_SEARCH, today.minusDays(60), "3000.00",
                "2500.00", "search", "cpc");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        List<NewTouch> all = new ArrayList<>();
        String mia = "mia.keller@northwind.example";
        all.add(touch("SEARCH-ADS", mia, TouchKind.PAGE_VISIT, now, 35));
        all.add(touch("NEWSLETTER", mia, TouchKind.EMAIL_OPEN, now, 28));
        all.add(touch("NEWSLETTER", mia, TouchKind.EMAIL_CLICK, now, 28));
        all.add(touch(MARKER, mia, TouchKind.FORM_FILL, now, 21));
        all.add(touch(MARKER, mia, TouchKind.EVENT_ATTENDANCE, now, 14));
        for (String person : List.of("tom.fischer@litware.example", "eva@adventure-works.example")) {
            all.add(touch(MARKER, person, TouchKind.FORM_FILL, now, 6));
            all.add(touch(MARKER, person, TouchKind.EVENT_ATTENDANCE, now, 5));
            all.add(touch("NEWSLETTER", person, TouchKind.EMAIL_CLICK, now, 2));
            all.add(touch("NEWSLETTER", person, TouchKind.FORM_FILL, now, 1));
        }
        all.add(touch("SEARCH-ADS", "noah.schmid@gmail.com", TouchKind.PAGE_VISIT, now, 3));
        touches.record(all, ACTOR);
        return summary();
    }

    private void campaign(String code, String name, Channel channel, LocalDate starts, String budget, String cost,
                          String source, String medium) {
        campaigns.create(new NewCampaign(code, name, channel, starts, null, new BigDecimal(budget), null, source,
                medium, null), ACTOR);
        campaigns.update(code, new CampaignChanges(null, CampaignStatus.ACTIVE, null, null, null, new BigDecimal(cost)),
                ACTOR);
    }

    private static NewTouch touch(String campaign, String email, TouchKind kind, Instant now, int daysAgo) {
        return new NewTouch(campaign, email, kind, now.minus(Duration.ofDays(daysAgo)), "demo");
    }

    private static String summary() {
        return "3 campaigns with touches of the demo's people (marketing:campaigns, marketing:attribution --model"
                + " u-shaped, marketing:score <lead>), 2 mailing lists with subscribers and an opt-out (marketing:lists,"
                + " marketing:consent noah.schmid@gmail.com)";
    }
}
