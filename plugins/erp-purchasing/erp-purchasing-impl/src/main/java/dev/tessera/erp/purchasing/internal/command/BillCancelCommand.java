package dev.tessera.erp.purchasing.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import dev.tessera.erp.purchasing.api.VendorBill;

@Service
@Command(scope = "purchasing", name = "bill-cancel", description = "Cancels a held vendor bill (the vendor sends a corrected one); it posted nothing")
public class BillCancelCommand extends PurchasingAction {
    @Argument(index = 0, name = "bill", required = true, description = "The bill's number (or id), e.g. BILL-2026-000002")
    @Completion(BillNumberCompleter.class)
    String bill;

    @Argument(index = 1, name = "reason", description = "Why, e.g. 'vendor sends a credit note'")
    String reason;

    @Override
    protected Object run() throws CommandException {
        VendorBill b = bills.cancel(bill(bill).id(), reason, user());
        System.out.println("Bill " + b.number() + " cancelled");
        return null;
    }
}
