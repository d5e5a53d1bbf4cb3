package dev.tessera.crm.pipeline.internal.command;

import java.util.Locale;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import dev.tessera.crm.pipeline.api.OpportunityStatus;

@Service
@Command(scope = "pipeline", name = "opportunities", description = "Lists deals (open ones unless --status), or the stuck ones")
public class OpportunitiesCommand extends PipelineAction {
    @Option(name = "--status", description = "open, won, lost or all")
    String status = "open";

    @Option(name = "--account", description = "Only this account's deals (account id)")
    Long account;

    @Option(name = "--owner", description = "Only this owner's deals")
    String owner;

    @Option(name = "--stuck", description = "Only open deals without a stage change or activity for the configured days")
    boolean stuck;

    @Option(name = "--after", description = "Show deals with ids above this one")
    long after;

    @Option(name = "--limit", description = "How many to show")
    int limit = 100;

    @Override
    protected Object run() throws CommandException {
        if (stuck) {
            printDeals(deals.stuck(null));
            return null;
        }
        OpportunityStatus wanted = null;
        if (!status.equalsIgnoreCase("all")) {
            try {
                wanted = OpportunityStatus.valueOf(status.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandException("--status is open, won, lost or all, not '" + status + "'");
            }
        }
        printDeals(deals.opportunities(wanted, account, owner, after, limit));
        return null;
    }
}
