package dev.tessera.crm.pipeline.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import dev.tessera.crm.pipeline.api.Lead;

@Service
@Command(scope = "pipeline", name = "merge", description = "Merges a duplicate lead into the one to keep, keeping its history")
public class MergeCommand extends PipelineAction {
    @Completion(OpenLeadCompleter.class)
    @Argument(index = 0, name = "keep", required = true, description = "Id of the lead that stays")
    long keep;

    @Completion(OpenLeadCompleter.class)

    @Argument(index = 1, name = "duplicate", required = true, description = "Id of the lead merged into it")
    long duplicate;

    @Override
    protected Object run() {
        Lead kept = leads.merge(keep, duplicate, user());
        System.out.println("Lead " + duplicate + " merged into lead " + kept.id() + " (" + kept.name()
                + "); its activities moved along, a note records the merge");
        return null;
    }
}
