package dev.tessera.erp.ledger.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import dev.tessera.erp.ledger.api.Account;

@Service
@Command(scope = "ledger", name = "accounts", description = "Lists the chart of accounts")
public class AccountsCommand extends LedgerAction {
    @Override
    protected Object run() {
        ShellTable table = new ShellTable();
        table.column("CODE");
        table.column("NAME");
        table.column("TYPE");
        table.column("PARENT");
        table.column("POSTABLE");
        table.column("ACTIVE");
        for (Account a : ledger.accounts()) {
            table.addRow().addContent(a.code(), a.name(), a.type(), a.parent() == null ? "" : a.parent(),
                    a.header() ? "no (header)" : "yes", a.active() ? "yes" : "no");
        }
        table.print(System.out);
        return null;
    }
}
