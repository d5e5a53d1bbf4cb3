package dev.tessera.erp.ledger.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import dev.tessera.erp.ledger.api.Account;

@Service
@Command(scope = "ledger", name = "account-deactivate", description = "Deactivates an account (no new postings; history kept), or reactivates it")
public class AccountActiveCommand extends LedgerAction {
    @Option(name = "--reactivate", description = "Take postings again")
    boolean reactivate;

    @Argument(index = 0, name = "code", required = true, description = "Account code")
    @Completion(AccountCodeCompleter.class)
    String code;

    @Override
    protected Object run() {
        Account account = ledger.setActive(code, reactivate, user());
        System.out.println("Account " + account.code() + " " + account.name() + " is " + (account.active() ? "active"
                : "inactive: it takes no new postings"));
        return null;
    }
}
