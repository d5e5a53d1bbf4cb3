package dev.tessera.crm.pipeline.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import dev.tessera.crm.pipeline.api.Deals;
import dev.tessera.crm.pipeline.api.Opportunity;
import dev.tessera.crm.pipeline.api.OpportunityStatus;

/** Completes the ids of open opportunities, as the stage, won, lost and quote commands take them (the first few hundred, by id). */
@Service
public class OpenOpportunityCompleter implements Completer {
    private static final int LIMIT = 300;

    @Reference
    Deals deals;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        for (Opportunity o : deals.opportunities(OpportunityStatus.OPEN, null, null, 0, LIMIT)) {
            delegate.getStrings().add(String.valueOf(o.id()));
        }
        return delegate.complete(session, commandLine, candidates);
    }
}
