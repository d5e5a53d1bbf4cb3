package dev.tessera.erp.purchasing.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

@Service
@Command(scope = "purchasing", name = "bill-release", description = "Releases a held vendor bill as it is and posts it (a purchasing-approver who did not enter it)")
public class BillReleaseCommand extends PurchasingAction {
    @Argument(index = 0, name = "bill", required = true, description = "The bill's number (or id), e.g. BILL-2026-000002")
    @Completion(BillNumberCompleter.class)
    String bill;

    @Argument(index = 1, name = "note", required = true, description = "Why it is accepted, e.g. 'price rise agreed by phone'")
    String note;

    @Override
    protected Object run() throws CommandException {
        printBill(bills.release(bill(bill).id(), note, user(), roles()));
        return null;
    }
}
