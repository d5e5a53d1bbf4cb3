package dev.tessera.erp.ledger.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "ledger", name = "close-year", description = "Year-end close: moves the year's result to retained earnings and closes its periods")
public class CloseYearCommand extends LedgerAction {
    @Argument(index = 0, name = "year", required = true, description = "Fiscal year, e.g. 2026")
    int year;

    @Override
    protected Object run() {
        ledger.closeYear(year, user()).ifPresentOrElse(entry -> {
            System.out.println("Fiscal year " + year + " closed with " + entry.number());
            print(entry);
        }, () -> System.out.println("Fiscal year " + year + " closed; it had no revenue or expense to move"));
        return null;
    }
}
