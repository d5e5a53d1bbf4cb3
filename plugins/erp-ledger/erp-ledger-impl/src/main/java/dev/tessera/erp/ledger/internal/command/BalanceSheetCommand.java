package dev.tessera.erp.ledger.internal.command;

import java.time.LocalDate;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.table.ShellTable;

import dev.tessera.erp.ledger.api.BalanceSheet;
import dev.tessera.erp.ledger.api.StatementLine;

@Service
@Command(scope = "ledger", name = "balance-sheet", description = "Balance sheet as of a date")
public class BalanceSheetCommand extends LedgerAction {
    @Argument(index = 0, name = "asOf", description = "YYYY-MM-DD (today when left out)")
    String asOf;

    @Override
    protected Object run() throws CommandException {
        BalanceSheet bs = ledger.balanceSheet(asOf == null ? LocalDate.now() : date("asOf", asOf));
        System.out.println("Balance sheet as of " + bs.asOf() + " (" + bs.currency() + ")"
                + (bs.balanced() ? "" : " -- DOES NOT BALANCE"));
        ShellTable table = new ShellTable();
        table.column("ACCOUNT");
        table.column("NAME");
        table.column("AMOUNT").alignRight();
        section(table, bs.assets(), "Total assets", bs.totalAssets());
        section(table, bs.liabilities(), "Total liabilities", bs.totalLiabilities());
        section(table, bs.equity(), "Total equity", bs.totalEquity());
        table.addRow().addContent("", "Current earnings (not yet closed)", bs.currentEarnings().toPlainString());
        table.addRow().addContent("", "LIABILITIES + EQUITY + EARNINGS",
                bs.totalLiabilities().add(bs.totalEquity()).add(bs.currentEarnings()).toPlainString());
        table.print(System.out);
        return null;
    }

    private static void section(ShellTable table, List<StatementLine> lines, String total, java.math.BigDecimal amount) {
        for (StatementLine line : lines) {
            table.addRow().addContent(line.account(), line.name(), line.amount().toPlainString());
        }
        table.addRow().addContent("", total, amount.toPlainString());
    }
}
