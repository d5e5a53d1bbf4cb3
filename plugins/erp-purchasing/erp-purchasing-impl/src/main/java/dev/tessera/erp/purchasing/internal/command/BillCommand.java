package dev.tessera.erp.purchasing.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

@Service
@Command(scope = "purchasing", name = "bill", description = "Shows a vendor bill: its lines, how each matched, what posting booked, what is open")
public class BillCommand extends PurchasingAction {
    @Argument(index = 0, name = "bill", required = true, description = "The bill's number (or id), e.g. BILL-2026-000001")
    @Completion(BillNumberCompleter.class)
    String bill;

    @Override
    protected Object run() throws CommandException {
        printBill(bill(bill));
        return null;
    }
}
