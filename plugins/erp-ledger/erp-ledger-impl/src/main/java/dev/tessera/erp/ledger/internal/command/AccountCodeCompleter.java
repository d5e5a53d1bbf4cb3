package dev.tessera.erp.ledger.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import dev.tessera.erp.ledger.api.Account;
import dev.tessera.erp.ledger.api.LedgerService;

/** Completes the account codes of the chart of accounts. */
@Service
public class AccountCodeCompleter implements Completer {

    @Reference
    LedgerService ledger;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        for (Account a : ledger.accounts()) {
            delegate.getStrings().add(a.code());
        }
        return delegate.complete(session, commandLine, candidates);
    }
}
