package dev.tessera.crm.pipeline.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import dev.tessera.crm.pipeline.api.Quote;

@Service
@Command(scope = "pipeline", name = "reject", description = "Rejects an open quote; the deal stays open for a new revision")
public class RejectCommand extends PipelineAction {
    @Completion(OpenQuoteCompleter.class)
    @Argument(index = 0, name = "quote", required = true, description = "The quote's id")
    long id;

    @Argument(index = 1, name = "reason", description = "Why the customer rejected it, e.g. price")
    String reason;

    @Override
    protected Object run() {
        Quote q = quotes.reject(id, reason, user());
        System.out.println("Quote " + q.number() + " revision " + q.revision() + " rejected");
        return null;
    }
}
