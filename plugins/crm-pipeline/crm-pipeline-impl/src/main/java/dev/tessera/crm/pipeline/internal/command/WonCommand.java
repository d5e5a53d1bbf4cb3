package dev.tessera.crm.pipeline.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import dev.tessera.crm.pipeline.api.Opportunity;

@Service
@Command(scope = "pipeline", name = "won", description = "Closes a deal as won")
public class WonCommand extends PipelineAction {
    @Completion(OpenOpportunityCompleter.class)
    @Argument(index = 0, name = "opportunity", required = true, description = "The opportunity's id")
    long id;

    @Argument(index = 1, name = "reason", description = "Why it was won")
    String reason;

    @Override
    protected Object run() {
        Opportunity o = deals.win(id, reason, user());
        System.out.println("Opportunity " + o.id() + " won on " + o.closedOn());
        return null;
    }
}
