package dev.tessera.crm.marketing.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import dev.tessera.crm.marketing.api.Campaign;
import dev.tessera.crm.marketing.api.Channel;
import dev.tessera.crm.marketing.api.NewCampaign;

@Service
@Command(scope = "marketing", name = "campaign-add", description = "Creates a campaign (status planned)")
public class CampaignAddCommand extends MarketingAction {
    @Argument(index = 0, name = "code", required = true, description = "Its unique code, e.g. SPRING-WEBINAR")
    String code;

    @Argument(index = 1, name = "name", required = true, description = "Its name, e.g. 'Spring webinar'")
    String name;

    @Argument(index = 2, name = "channel", required = true,
            description = "email, paid-search, social, display, event, referral or other")
    String channel;

    @Option(name = "--budget", description = "Its budget, e.g. 5000")
    String budget;

    @Option(name = "--currency", description = "ISO 4217 code of budget and cost (the module's currency by default)")
    String currency;

    @Option(name = "--starts", description = "First day, YYYY-MM-DD")
    String starts;

    @Option(name = "--ends", description = "Last day, YYYY-MM-DD")
    String ends;

    @Option(name = "--utm-source", description = "utm_source of its links, e.g. newsletter")
    String utmSource;

    @Option(name = "--utm-medium", description = "utm_medium of its links, e.g. email")
    String utmMedium;

    @Option(name = "--utm-campaign", description = "utm_campaign of its links (the code in lower case by default)")
    String utmCampaign;

    @Override
    protected Object run() throws Exception {
        Campaign c = campaigns.create(new NewCampaign(code, name, choice(Channel.class, "channel", channel),
                date("--starts", starts), date("--ends", ends), number("--budget", budget), currency, utmSource,
                utmMedium, utmCampaign), user());
        System.out.println("Campaign " + c.code() + " created (" + c.channel().name().toLowerCase(java.util.Locale.ROOT)
                + ", utm_campaign " + c.utmCampaign() + ")");
        return null;
    }
}
