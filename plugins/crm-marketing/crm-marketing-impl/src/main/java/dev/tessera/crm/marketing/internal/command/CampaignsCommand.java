package dev.tessera.crm.marketing.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import dev.tessera.crm.marketing.api.Campaign;
import dev.tessera.crm.marketing.api.CampaignStatus;

@Service
@Command(scope = "marketing", name = "campaigns", description = "Lists campaigns with their channel, status, budget and cost")
public class CampaignsCommand extends MarketingAction {
    @Option(name = "--status", description = "Only campaigns in this status: planned, active, paused, completed, cancelled")
    String status;

    @Override
    protected Object run() throws Exception {
        CampaignStatus only = choice(CampaignStatus.class, "--status", status);
        System.out.printf("%-20s %-30s %-12s %-10s %12s %12s %-4s %s%n", "CODE", "NAME", "CHANNEL", "STATUS", "BUDGET",
                "COST", "CUR", "UTM_CAMPAIGN");
        for (Campaign c : campaigns.campaigns(only, null, 1000)) {
            System.out.printf("%-20s %-30s %-12s %-10s %12s %12s %-4s %s%n", c.code(), c.name(),
                    c.channel().name().toLowerCase(java.util.Locale.ROOT), c.status().name().toLowerCase(
                    java.util.Locale.ROOT), plain(c.budget()), plain(c.cost()), c.currency(), c.utmCampaign());
        }
        return null;
    }
}
