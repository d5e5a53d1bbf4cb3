package dev.tessera.crm.marketing.internal.command;

import java.time.LocalDate;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import dev.tessera.crm.marketing.api.AttributionModel;
import dev.tessera.crm.marketing.api.AttributionReport;
import dev.tessera.crm.marketing.api.CampaignAttribution;

@Service
@Command(scope = "marketing", name = "attribution", description = "Won revenue credited to campaigns under an attribution model")
public class AttributionCommand extends MarketingAction {
    @Option(name = "--model", description = "first-touch, last-touch, linear, u-shaped or time-decay (linear by default)")
    String model;

    @Option(name = "--from", description = "First day of deals won, YYYY-MM-DD (a year ago by default)")
    String from;

    @Option(name = "--to", description = "Last day of deals won, YYYY-MM-DD (today by default)")
    String to;

    @Override
    protected Object run() throws Exception {
        AttributionModel m = model == null ? AttributionModel.LINEAR : choice(AttributionModel.class, "--model", model);
        LocalDate t = to == null ? LocalDate.now() : date("--to", to);
        LocalDate f = from == null ? t.minusYears(1) : date("--from", from);
        AttributionReport r = attribution.report(m, f, t);
        System.out.println(m.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + " attribution of deals won "
                + r.from() + " to " + r.to() + ", touches up to " + r.lookbackDays() + " days before");
        System.out.printf("%-20s %-4s %8s %6s %6s %14s %12s %8s%n", "CAMPAIGN", "CUR", "TOUCHES", "LEADS", "DEALS",
                "REVENUE", "COST", "ROI");
        for (CampaignAttribution c : r.campaigns()) {
            System.out.printf("%-20s %-4s %8d %6d %6d %14s %12s %8s%n", c.campaign(), c.currency(), c.touches(),
                    c.leads(), c.opportunities(), plain(c.revenue()), plain(c.cost()), plain(c.roi()));
        }
        return null;
    }
}
