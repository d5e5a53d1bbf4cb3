package dev.tessera.erp.ledger.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import dev.tessera.erp.ledger.api.NewAccount;
import dev.tessera.platform.api.FieldError;
import dev.tessera.platform.api.ValidationException;

@Service
@Command(scope = "ledger", name = "import-accounts", description = "Imports accounts from a CSV file (code,name,type,parent,header): all or none")
public class ImportAccountsCommand extends LedgerAction {
    @Argument(index = 0, name = "file", required = true, description = "Path of the CSV file")
    String file;

    @Override
    protected Object run() throws CommandException {
        String text = read(file);
        try {
            List<NewAccount> accounts = dev.tessera.erp.ledger.internal.AccountsCsv.parse(text);
            System.out.println("Checking " + accounts.size() + " rows...");
            int written = ledger.importAccounts(accounts, n -> System.out.println("  " + n + " of "
                    + accounts.size() + " written"), user());
            System.out.println("Imported " + written + " accounts");
        } catch (ValidationException e) {
            for (FieldError error : e.errors()) {
                System.out.println("  " + error.field() + ": " + error.message());
            }
            throw e;
        }
        return null;
    }
}
