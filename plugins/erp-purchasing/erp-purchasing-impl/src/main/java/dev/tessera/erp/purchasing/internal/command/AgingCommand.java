package dev.tessera.erp.purchasing.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.table.ShellTable;

import dev.tessera.erp.purchasing.api.AgingLine;

@Service
@Command(scope = "purchasing", name = "aging", description = "Accounts payable aging: what is owed per vendor and currency, by days past due")
public class AgingCommand extends PurchasingAction {
    @Option(name = "--as-of", description = "The day, YYYY-MM-DD (today by default)")
    String asOf;

    @Override
    protected Object run() throws CommandException {
        ShellTable table = new ShellTable();
        table.column("Vendor");
        table.column("Name");
        table.column("Currency");
        table.column("Not due").alignRight();
        table.column("1-30").alignRight();
        table.column("31-60").alignRight();
        table.column("61-90").alignRight();
        table.column("Over 90").alignRight();
        table.column("Total").alignRight();
        for (AgingLine l : payments.aging(asOf == null ? java.time.LocalDate.now() : date("--as-of", asOf))) {
            table.addRow().addContent(l.vendorCode(), l.vendorName(), l.currency(), l.notDue().toPlainString(),
                    l.days1To30().toPlainString(), l.days31To60().toPlainString(), l.days61To90().toPlainString(),
                    l.over90().toPlainString(), l.total().toPlainString());
        }
        table.print(System.out);
        return null;
    }
}
