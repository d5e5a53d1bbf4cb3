package dev.tessera.erp.sales.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.table.ShellTable;

import dev.tessera.erp.sales.api.Aging;

@Service
@Command(scope = "sales", name = "aging", description = "Open receivables by days past due: current, 1-30, 31-60, 61-90, over 90; and customers' credit")
public class AgingCommand extends SalesAction {
    @Argument(index = 0, name = "asOf", description = "YYYY-MM-DD (today by default)")
    String asOf;

    @Override
    protected Object run() throws CommandException {
        Aging aging = billing.aging(date("asOf", asOf));
        ShellTable table = new ShellTable();
        table.column("Customer");
        table.column("Cur.");
        table.column("Current").alignRight();
        table.column("1-30").alignRight();
        table.column("31-60").alignRight();
        table.column("61-90").alignRight();
        table.column("90+").alignRight();
        table.column("Total").alignRight();
        table.column("Credit").alignRight();
        for (Aging.Row r : aging.rows()) {
            table.addRow().addContent(r.customer() == null ? "account " + r.accountId() : r.customer(), r.currency(),
                    r.current().toPlainString(), r.days1to30().toPlainString(), r.days31to60().toPlainString(),
                    r.days61to90().toPlainString(), r.over90().toPlainString(), r.total().toPlainString(),
                    r.credit().toPlainString());
        }
        table.print(System.out);
        System.out.println("As of " + aging.asOf());
        return null;
    }
}
