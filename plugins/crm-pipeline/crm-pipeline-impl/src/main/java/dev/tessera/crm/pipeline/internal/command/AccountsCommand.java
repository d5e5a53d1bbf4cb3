package dev.tessera.crm.pipeline.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import dev.tessera.crm.pipeline.api.Account;

@Service
@Command(scope = "pipeline", name = "accounts", description = "Lists accounts with their last order and invoice (copies from sales)")
public class AccountsCommand extends PipelineAction {
    @Option(name = "--after", description = "Show accounts with ids above this one")
    long after;

    @Option(name = "--limit", description = "How many to show")
    int limit = 100;

    @Override
    protected Object run() {
        ShellTable table = new ShellTable();
        table.column("Id").alignRight();
        table.column("Name");
        table.column("Domain");
        table.column("Industry");
        table.column("Owner");
        table.column("Last order");
        table.column("Last invoice");
        for (Account a : accounts.accounts(after, limit)) {
            table.addRow().addContent(a.id(), a.name(), or(a.domain()), or(a.industry()), or(a.owner()),
                    or(a.lastOrderNumber()), a.lastInvoiceNumber() == null ? "" : a.lastInvoiceNumber() + " "
                            + a.lastInvoiceStatus());
        }
        table.print(System.out);
        return null;
    }
}
