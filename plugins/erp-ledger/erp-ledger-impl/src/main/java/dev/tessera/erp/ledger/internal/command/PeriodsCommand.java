package dev.tessera.erp.ledger.internal.command;

import java.time.LocalDate;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import dev.tessera.erp.ledger.api.FiscalPeriod;

@Service
@Command(scope = "ledger", name = "periods", description = "Lists the periods of a fiscal year and their state")
public class PeriodsCommand extends LedgerAction {
    @Argument(index = 0, name = "year", description = "Fiscal year (this year when left out)")
    int year = LocalDate.now().getYear();

    @Override
    protected Object run() {
        ShellTable table = new ShellTable();
        table.column("PERIOD");
        table.column("FROM");
        table.column("TO");
        table.column("STATE");
        for (FiscalPeriod p : ledger.periods(year)) {
            table.addRow().addContent(p.id(), p.start(), p.end(), p.state().name().toLowerCase(java.util.Locale.ROOT));
        }
        table.print(System.out);
        return null;
    }
}
