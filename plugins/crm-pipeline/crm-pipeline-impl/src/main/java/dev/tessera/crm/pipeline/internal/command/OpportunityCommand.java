package dev.tessera.crm.pipeline.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import dev.tessera.crm.pipeline.api.Activity;
import dev.tessera.crm.pipeline.api.Opportunity;
import dev.tessera.crm.pipeline.api.Quote;
import dev.tessera.crm.pipeline.api.StageChange;

@Service
@Command(scope = "pipeline", name = "opportunity", description = "Shows a deal: stage history, activities and quotes")
public class OpportunityCommand extends PipelineAction {
    @Completion(OpenOpportunityCompleter.class)
    @Argument(index = 0, name = "id", required = true, description = "The opportunity's id")
    long id;

    @Override
    protected Object run() throws CommandException {
        Opportunity o = deals.opportunity(id).orElseThrow(() -> new CommandException("No opportunity " + id));
        printDeals(List.of(o));
        if (o.closeReason() != null) {
            System.out.println(o.status().name().toLowerCase() + ": " + o.closeReason());
        }
        System.out.println("Stage history:");
        for (StageChange c : deals.stageHistory(id)) {
            System.out.println("  " + c.at() + "  " + (c.from() == null ? "" : c.from() + " -> ") + c.to() + "  by "
                    + c.actor());
        }
        List<Activity> activities = deals.activities(null, null, id, null, 0, 100);
        System.out.println("Activities:");
        for (Activity a : activities) {
            System.out.println("  " + a.id() + " " + a.type().name().toLowerCase() + ": " + a.subject()
                    + (a.due() == null ? "" : ", due " + a.due()) + (a.doneAt() == null ? "" : ", done"));
        }
        for (Quote q : quotes.quotes(id)) {
            printQuote(q);
        }
        return null;
    }
}
