package dev.tessera.crm.pipeline.internal.command;

import java.util.Locale;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.table.ShellTable;

import dev.tessera.crm.pipeline.api.Lead;
import dev.tessera.crm.pipeline.api.LeadStatus;

@Service
@Command(scope = "pipeline", name = "leads", description = "Lists leads, open ones unless --status says otherwise")
public class LeadsCommand extends PipelineAction {
    @Option(name = "--status", description = "open, qualified, disqualified, merged or all")
    String status = "open";

    @Option(name = "--after", description = "Show leads with ids above this one")
    long after;

    @Option(name = "--limit", description = "How many to show")
    int limit = 100;

    @Override
    protected Object run() throws CommandException {
        LeadStatus wanted = null;
        if (!status.equalsIgnoreCase("all")) {
            try {
                wanted = LeadStatus.valueOf(status.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandException("--status is open, qualified, disqualified, merged or all, not '" + status + "'");
            }
        }
        ShellTable table = new ShellTable();
        table.column("Id").alignRight();
        table.column("Name");
        table.column("E-mail");
        table.column("Company");
        table.column("Source");
        table.column("Owner");
        table.column("Status");
        for (Lead l : leads.leads(wanted, after, limit)) {
            table.addRow().addContent(l.id(), l.name(), or(l.email()), or(l.company()), or(l.source()), or(l.owner()),
                    l.status().name().toLowerCase(Locale.ROOT) + (l.mergedInto() == null ? "" : " into " + l.mergedInto())
                            + (l.opportunityId() == null ? "" : " (opportunity " + l.opportunityId() + ")"));
        }
        table.print(System.out);
        return null;
    }
}
