package dev.tessera.erp.ledger.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.table.ShellTable;

import dev.tessera.erp.ledger.api.AccountLedger;
import dev.tessera.erp.ledger.api.LedgerLine;

@Service
@Command(scope = "ledger", name = "account-ledger", description = "An account's postings with running balance")
public class AccountLedgerCommand extends LedgerAction {
    @Argument(index = 0, name = "account", required = true, description = "Account code")
    @Completion(AccountCodeCompleter.class)
    String account;

    @Argument(index = 1, name = "from", required = true, description = "YYYY-MM-DD")
    String from;

    @Argument(index = 2, name = "to", required = true, description = "YYYY-MM-DD")
    String to;

    @Override
    protected Object run() throws CommandException {
        AccountLedger gl = ledger.accountLedger(account, date("from", from), date("to", to));
        System.out.println(gl.account().code() + " " + gl.account().name() + ", " + gl.from() + " to " + gl.to()
                + ": opening balance " + gl.opening().toPlainString());
        ShellTable table = new ShellTable();
        table.column("DATE");
        table.column("ENTRY");
        table.column("DESCRIPTION");
        table.column("DEBIT").alignRight();
        table.column("CREDIT").alignRight();
        table.column("BALANCE").alignRight();
        for (LedgerLine line : gl.lines()) {
            table.addRow().addContent(line.date(), line.number(), line.description(), amount(line.debit()),
                    amount(line.credit()), line.balance().toPlainString());
        }
        table.print(System.out);
        System.out.println("Closing balance " + gl.closing().toPlainString());
        return null;
    }
}
