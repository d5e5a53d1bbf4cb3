package dev.tessera.erp.sales.internal.command;

import java.util.Locale;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.table.ShellTable;

import dev.tessera.erp.sales.api.Invoice;
import dev.tessera.erp.sales.api.InvoiceStatus;

@Service
@Command(scope = "sales", name = "invoices", description = "Lists invoices and credit notes with what is open on them")
public class InvoicesCommand extends SalesAction {
    @Option(name = "--status", description = "issued, partially-paid, paid or credited")
    String status;

    @Option(name = "--account", description = "Only this customer's invoices (account id)")
    Long account;

    @Option(name = "--after", description = "Show invoices with ids above this one")
    long after;

    @Option(name = "--limit", description = "How many to show (default 100)")
    int limit = 100;

    @Override
    protected Object run() throws CommandException {
        InvoiceStatus wanted = null;
        if (status != null) {
            try {
                wanted = InvoiceStatus.valueOf(status.toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new CommandException("--status is issued, partially-paid, paid or credited, not '" + status + "'");
            }
        }
        ShellTable table = new ShellTable();
        table.column("Id").alignRight();
        table.column("Number");
        table.column("Customer");
        table.column("Order");
        table.column("Issued");
        table.column("Due");
        table.column("Gross").alignRight();
        table.column("Open").alignRight();
        table.column("Status");
        for (Invoice i : billing.invoices(wanted, account, after, limit)) {
            table.addRow().addContent(i.id(), i.number(), i.customerName() == null ? "account " + i.accountId()
                    : i.customerName(), or(i.orderNumber()), i.issueDate(), i.dueDate(), i.gross().toPlainString() + " "
                    + i.currency(), i.open().toPlainString(), i.status().name().toLowerCase().replace('_', ' ')
                    + (i.overdue() ? ", overdue" : ""));
        }
        table.print(System.out);
        return null;
    }
}
