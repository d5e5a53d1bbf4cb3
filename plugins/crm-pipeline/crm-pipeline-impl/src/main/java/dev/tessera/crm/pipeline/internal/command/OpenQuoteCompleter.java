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
import dev.tessera.crm.pipeline.api.Quote;
import dev.tessera.crm.pipeline.api.QuoteStatus;
import dev.tessera.crm.pipeline.api.Quotes;

/**
 * Completes the ids of open quotes, as accept and reject take them: an open deal has at most one open quote, so
 * these are the open quotes of the first couple of hundred open deals.
 */
@Service
public class OpenQuoteCompleter implements Completer {
    private static final int DEALS = 200;

    @Reference
    Deals deals;

    @Reference
    Quotes quotes;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        for (Opportunity o : deals.opportunities(OpportunityStatus.OPEN, null, null, 0, DEALS)) {
            for (Quote q : quotes.quotes(o.id())) {
                if (q.status() == QuoteStatus.OPEN) {
                    delegate.getStrings().add(String.valueOf(q.id()));
                }
            }
        }
        return delegate.complete(session, commandLine, candidates);
    }
}
