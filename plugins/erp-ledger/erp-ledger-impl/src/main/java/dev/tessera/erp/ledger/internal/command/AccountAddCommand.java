package dev.tessera.erp.ledger.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import dev.tessera.erp.ledger.api.Account;
import dev.tessera.erp.ledger.api.AccountType;
import dev.tessera.erp.ledger.api.NewAccount;

@Service
@Command(scope = "ledger", name = "account-add", description = "Adds an account to the chart")
public class AccountAddCommand extends LedgerAction {
    @Option(name = "--parent", description = "Code of the header account it belongs to")
    String parent;

    @Option(name = "--header", description = "A header account: groups others, takes no postings")
    boolean header;

    @Argument(index = 0, name = "code", required = true, description = "Account code, e.g. 1210")
    String code;

    @Argument(index = 1, name = "type", required = true, description = "asset, liability, equity, revenue or expense")
    String type;

    @Argument(index = 2, name = "name", required = true, multiValued = true, description = "Account name")
    java.util.List<String> name;

    @Override
    protected Object run() throws CommandException {
        AccountType accountType;
        try {
            accountType = AccountType.valueOf(type.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandException("type must be asset, liability, equity, revenue or expense, not '" + type + "'");
        }
        Account created = ledger.createAccount(new NewAccount(code, String.join(" ", name), accountType, parent, header), user());
        System.out.println("Account " + created.code() + " " + created.name() + " (" + created.type() + ") added");
        return null;
    }
}
