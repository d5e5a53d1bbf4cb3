package dev.tessera.crm.pipeline.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import dev.tessera.crm.pipeline.api.Opportunity;

@Service
@Command(scope = "pipeline", name = "stage", description = "Moves an open deal to another stage (pipeline:won / pipeline:lost close it)")
public class StageCommand extends PipelineAction {
    @Completion(OpenOpportunityCompleter.class)
    @Argument(index = 0, name = "opportunity", required = true, description = "The opportunity's id")
    long id;

    @Argument(index = 1, name = "stage", required = true, description = "An open stage, e.g. demo or proposal")
    String stage;

    @Override
    protected Object run() {
        Opportunity o = deals.moveStage(id, stage, user());
        System.out.println("Opportunity " + o.id() + " is at " + o.stage() + " (" + o.probability() + " %)");
        return null;
    }
}
