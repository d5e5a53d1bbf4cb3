package dev.tessera.erp.sales.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import dev.tessera.erp.sales.api.Allocation;
import dev.tessera.erp.sales.api.Invoice;
import dev.tessera.erp.sales.api.NewPayment;
import dev.tessera.erp.sales.api.Payment;

@Service
@Command(scope = "sales", name = "pay", description = "Records a payment for an invoice (by number or id); more than is open becomes the customer's credit")
public class PayCommand extends SalesAction {
    @Option(name = "--date", description = "When it was received, YYYY-MM-DD (today by default)")
    String date;

    @Option(name = "--reference", description = "The bank reference")
    String reference;

    @Option(name = "--currency", description = "The payment's currency (the invoice's by default)")
    String currency;

    @Argument(index = 0, name = "invoice", required = true, description = "e.g. INV-2026-000012 or its id")
    @Completion(InvoiceNumberCompleter.class)
    String invoice;

    @Argument(index = 1, name = "amount", required = true, description = "The amount received, e.g. 1190.00")
    String amount;

    @Override
    protected Object run() throws CommandException {
        Invoice target = (invoice.matches("\\d+") ? billing.invoice(Long.parseLong(invoice))
                : billing.invoiceByNumber(invoice)).orElseThrow(() -> new CommandException("No invoice " + invoice));
        Payment p = billing.receivePayment(new NewPayment(target.accountId(), number("amount", amount),
                currency == null ? target.currency() : currency, date("--date", date), reference,
                List.of(target.id())), user());
        for (Allocation a : p.allocations()) {
            System.out.println("  " + a.amount().toPlainString() + " to " + a.invoiceNumber());
        }
        System.out.println("Payment " + p.id() + " of " + p.amount().toPlainString() + " " + p.currency() + " recorded"
                + (p.unallocated().signum() > 0 ? "; " + p.unallocated().toPlainString() + " kept as credit" : ""));
        return null;
    }
}
