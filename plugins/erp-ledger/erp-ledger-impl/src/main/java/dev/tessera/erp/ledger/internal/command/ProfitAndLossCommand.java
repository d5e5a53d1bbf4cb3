package dev.tessera.erp.ledger.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.table.ShellTable;

import dev.tessera.erp.ledger.api.ProfitAndLoss;
import dev.tessera.erp.ledger.api.StatementLine;

@Service
@Command(scope = "ledger", name = "pnl", description = "Profit and loss for a range of dates")
public class ProfitAndLossCommand extends LedgerAction {
    @Argument(index = 0, name = "from", required = true, description = "YYYY-MM-DD")
    String from;

    @Argument(index = 1, name = "to", required = true, description = "YYYY-MM-DD")
    String to;

    @Override
    protected Object run() throws CommandException {
        ProfitAndLoss pnl = ledger.profitAndLoss(date("from", from), date("to", to));
        System.out.println("Profit and loss " + pnl.from() + " to " + pnl.to() + " (" + pnl.currency() + ")");
        ShellTable table = new ShellTable();
        table.column("ACCOUNT");
        table.column("NAME");
        table.column("AMOUNT").alignRight();
        for (StatementLine line : pnl.revenue()) {
            table.addRow().addContent(line.account(), line.name(), line.amount().toPlainString());
        }
        table.addRow().addContent("", "Total revenue", pnl.totalRevenue().toPlainString());
        for (StatementLine line : pnl.expenses()) {
            table.addRow().addContent(line.account(), line.name(), line.amount().toPlainString());
        }
        table.addRow().addContent("", "Total expenses", pnl.totalExpenses().toPlainString());
        table.addRow().addContent("", "NET INCOME", pnl.netIncome().toPlainString());
        table.print(System.out);
        return null;
    }
}
