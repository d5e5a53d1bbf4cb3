package dev.tessera.crm.pipeline.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import dev.tessera.crm.pipeline.api.Activity;

@Service
@Command(scope = "pipeline", name = "overdue", description = "Lists open tasks past their due date, oldest first")
public class OverdueCommand extends PipelineAction {
    @Option(name = "--owner", description = "Only this owner's tasks")
    String owner;

    @Override
    protected Object run() {
        ShellTable table = new ShellTable();
        table.column("Id").alignRight();
        table.column("Due");
        table.column("Owner");
        table.column("Task");
        table.column("Opportunity").alignRight();
        for (Activity a : deals.overdue(owner, null)) {
            table.addRow().addContent(a.id(), a.due(), or(a.owner()), a.subject(), or(a.opportunityId()));
        }
        table.print(System.out);
        return null;
    }
}
