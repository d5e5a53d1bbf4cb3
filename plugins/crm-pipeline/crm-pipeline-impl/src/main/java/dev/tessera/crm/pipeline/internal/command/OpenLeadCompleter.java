package dev.tessera.crm.pipeline.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import dev.tessera.crm.pipeline.api.Lead;
import dev.tessera.crm.pipeline.api.LeadStatus;
import dev.tessera.crm.pipeline.api.Leads;

/** Completes the ids of open leads, as qualify and merge take them (the first few hundred, by id). */
@Service
public class OpenLeadCompleter implements Completer {
    private static final int LIMIT = 300;

    @Reference
    Leads leads;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        for (Lead l : leads.leads(LeadStatus.OPEN, 0, LIMIT)) {
            delegate.getStrings().add(String.valueOf(l.id()));
        }
        return delegate.complete(session, commandLine, candidates);
    }
}
