package dev.tessera.erp.ledger.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import dev.tessera.erp.ledger.api.JournalEntry;

@Service
@Command(scope = "ledger", name = "reverse", description = "Posts the reversal of an entry (posted entries never change)")
public class ReverseCommand extends LedgerAction {
    @Option(name = "--date", description = "Date of the reversal (the original's when left out)")
    String date;

    @Option(name = "--reason", description = "Why it is reversed")
    String reason;

    @Argument(index = 0, name = "entry", required = true, description = "Entry number (JE-2026-000001) or id")
    String entry;

    @Override
    protected Object run() throws CommandException {
        EntryCommand finder = new EntryCommand();
        finder.ledger = ledger;
        JournalEntry original = finder.find(entry);
        JournalEntry reversal = ledger.reverse(original.id(), date == null ? null : date("--date", date), reason, user());
        System.out.println("Reversed " + original.number() + " with " + reversal.number());
        print(reversal);
        return null;
    }
}
