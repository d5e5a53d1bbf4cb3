package dev.tessera.erp.ledger.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import dev.tessera.erp.ledger.api.JournalEntry;

@Service
@Command(scope = "ledger", name = "entry", description = "Shows one journal entry with its lines")
public class EntryCommand extends LedgerAction {
    @Argument(index = 0, name = "entry", required = true, description = "Entry number (JE-2026-000001) or id")
    String entry;

    @Override
    protected Object run() throws CommandException {
        print(find(entry));
        return null;
    }

    JournalEntry find(String key) throws CommandException {
        java.util.Optional<JournalEntry> found;
        if (key.matches("\\d+")) {
            found = ledger.entry(Long.parseLong(key));
        } else {
            found = ledger.entryByNumber(key);
        }
        return found.orElseThrow(() -> new CommandException("No journal entry " + key + "; ledger:entries lists them"));
    }
}
