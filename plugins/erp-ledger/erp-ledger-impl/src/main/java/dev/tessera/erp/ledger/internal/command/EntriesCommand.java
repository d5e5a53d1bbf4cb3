package dev.tessera.erp.ledger.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.table.ShellTable;

import dev.tessera.erp.ledger.api.JournalEntry;

@Service
@Command(scope = "ledger", name = "entries", description = "Lists posted journal entries in posting order")
public class EntriesCommand extends LedgerAction {
    @Option(name = "--after", description = "Show entries after this id")
    long after;

    @Option(name = "--limit", description = "How many (1-1000, default 50)")
    int limit = 50;

    @Override
    protected Object run() throws CommandException {
        if (limit < 1 || limit > 1000) {
            throw new CommandException("--limit must be 1 to 1000");
        }
        ShellTable table = new ShellTable();
        table.column("ID").alignRight();
        table.column("NUMBER");
        table.column("DATE");
        table.column("DESCRIPTION");
        table.column("TOTAL").alignRight();
        table.column("SOURCE");
        table.column("BY");
        for (JournalEntry e : ledger.entries(after, limit)) {
            table.addRow().addContent(e.id(), e.number(), e.date(), e.description()
                    + (e.reversedBy() == null ? "" : " (reversed)"), e.total().toPlainString() + " " + e.currency(),
                    e.sourceModule() == null ? "" : e.sourceModule() + " " + e.sourceReference(), e.postedBy());
        }
        table.print(System.out);
        return null;
    }
}
