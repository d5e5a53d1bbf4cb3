package dev.tessera.crm.pipeline.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import dev.tessera.crm.pipeline.api.Opportunity;

@Service
@Command(scope = "pipeline", name = "lost", description = "Closes a deal as lost, with the reason")
public class LostCommand extends PipelineAction {
    @Completion(OpenOpportunityCompleter.class)
    @Argument(index = 0, name = "opportunity", required = true, description = "The opportunity's id")
    long id;

    @Argument(index = 1, name = "reason", required = true, description = "Why it was lost, e.g. price, timing, competitor")
    String reason;

    @Override
    protected Object run() {
        Opportunity o = deals.lose(id, reason, user());
        System.out.println("Opportunity " + o.id() + " lost on " + o.closedOn() + ": " + o.closeReason());
        return null;
    }
}
