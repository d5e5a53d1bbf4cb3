package dev.tessera.erp.sales.internal.command;

import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import dev.tessera.erp.sales.api.CreditLine;

@Service
@Command(scope = "sales", name = "credit", description = "Issues a credit note for an invoice: all of it, or the given <line>:<quantity> pairs")
public class CreditCommand extends SalesAction {
    @Argument(index = 0, name = "invoice", required = true, description = "The invoice's id")
    @Completion(InvoiceIdCompleter.class)
    long id;

    @Argument(index = 1, name = "reason", required = true, description = "Why it is credited, e.g. 'goods returned'")
    String reason;

    @Argument(index = 2, name = "lines", multiValued = true, description = "e.g. 1:2")
    List<String> lines;

    @Override
    protected Object run() throws CommandException {
        List<CreditLine> credit = new ArrayList<>();
        if (lines != null) {
            for (String pair : lines) {
                String[] parts = pair.split(":");
                if (parts.length != 2 || !parts[0].trim().matches("\\d+")) {
                    throw new CommandException("'" + pair + "' is not <line>:<quantity>, e.g. 1:2");
                }
                credit.add(new CreditLine(Integer.parseInt(parts[0].trim()), number("quantity", parts[1])));
            }
        }
        printInvoice(billing.creditNote(id, credit, reason, user()));
        return null;
    }
}
