package dev.tessera.erp.ledger.internal.command;

import java.time.LocalDate;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.table.ShellTable;

import dev.tessera.erp.ledger.api.BalanceRow;
import dev.tessera.erp.ledger.api.TrialBalance;

@Service
@Command(scope = "ledger", name = "trial-balance", description = "Trial balance as of a date, or the movements of a range")
public class TrialBalanceCommand extends LedgerAction {
    @Argument(index = 0, name = "asOf", description = "YYYY-MM-DD (today when left out)")
    String asOf;

    @Option(name = "--from", description = "Start of a range (with --to): movements instead of balances")
    String from;

    @Option(name = "--to", description = "End of the range")
    String to;

    @Override
    protected Object run() throws CommandException {
        TrialBalance tb;
        if (from != null || to != null) {
            if (from == null || to == null) {
                throw new CommandException("--from and --to go together");
            }
            tb = ledger.trialBalance(date("--from", from), date("--to", to));
        } else {
            tb = ledger.trialBalance(asOf == null ? LocalDate.now() : date("asOf", asOf));
        }
        System.out.println("Trial balance " + (tb.from() == null ? "as of " + tb.to() : tb.from() + " to " + tb.to())
                + " (" + tb.currency() + ")");
        ShellTable table = new ShellTable();
        table.column("ACCOUNT");
        table.column("NAME");
        table.column("DEBIT").alignRight();
        table.column("CREDIT").alignRight();
        for (BalanceRow row : tb.rows()) {
            table.addRow().addContent(row.account(), row.name(), amount(row.debit()), amount(row.credit()));
        }
        table.addRow().addContent("", "TOTAL", tb.totalDebit().toPlainString(), tb.totalCredit().toPlainString());
        table.print(System.out);
        return null;
    }
}
