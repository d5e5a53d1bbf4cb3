package dev.tessera.crm.marketing.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import dev.tessera.crm.marketing.api.Campaign;
import dev.tessera.crm.marketing.api.CampaignChanges;
import dev.tessera.crm.marketing.api.CampaignStatus;

@Service
@Command(scope = "marketing", name = "campaign-update", description = "Changes a campaign's status, dates, budget or actual cost")
public class CampaignUpdateCommand extends MarketingAction {
    @Argument(index = 0, name = "code", required = true, description = "The campaign's code")
    String code;

    @Option(name = "--status", description = "planned, active, paused, completed or cancelled")
    String status;

    @Option(name = "--name", description = "Its new name")
    String name;

    @Option(name = "--budget", description = "Its budget")
    String budget;

    @Option(name = "--cost", description = "What it has actually cost so far")
    String cost;

    @Option(name = "--starts", description = "First day, YYYY-MM-DD")
    String starts;

    @Option(name = "--ends", description = "Last day, YYYY-MM-DD")
    String ends;

    @Override
    protected Object run() throws Exception {
        Campaign c = campaigns.update(code, new CampaignChanges(name, choice(CampaignStatus.class, "--status", status),
                date("--starts", starts), date("--ends", ends), number("--budget", budget), number("--cost", cost)),
                user());
        System.out.println("Campaign " + c.code() + ": " + c.status().name().toLowerCase(java.util.Locale.ROOT)
                + ", budget " + plain(c.budget()) + ", cost " + plain(c.cost()) + " " + c.currency());
        return null;
    }
}
