package dev.tessera.crm.pipeline.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import dev.tessera.crm.pipeline.api.Quote;

@Service
@Command(scope = "pipeline", name = "accept", description = "Accepts an open, unexpired quote: the deal is won and sales can make the order")
public class AcceptCommand extends PipelineAction {
    @Completion(OpenQuoteCompleter.class)
    @Argument(index = 0, name = "quote", required = true, description = "The quote's id")
    long id;

    @Override
    protected Object run() {
        Quote q = quotes.accept(id, null, user());
        System.out.println("Quote " + q.number() + " revision " + q.revision() + " accepted: " + q.gross().toPlainString()
                + " " + q.currency() + "; opportunity " + q.opportunityId() + " won");
        return null;
    }
}
