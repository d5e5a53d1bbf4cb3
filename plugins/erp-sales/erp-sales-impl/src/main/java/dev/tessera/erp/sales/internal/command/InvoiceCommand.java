package dev.tessera.erp.sales.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

@Service
@Command(scope = "sales", name = "invoice", description = "Invoices what an order shipped (stock items) or ordered (services) and is not invoiced yet")
public class InvoiceCommand extends SalesAction {
    @Option(name = "--date", description = "The invoice date, YYYY-MM-DD (today by default)")
    String date;

    @Argument(index = 0, name = "order", required = true, description = "The order's id (see sales:orders)")
    @Completion(OrderIdCompleter.class)
    long id;

    @Override
    protected Object run() throws CommandException {
        printInvoice(billing.invoiceOrder(id, date("--date", date), user()));
        return null;
    }
}
