package dev.tessera.erp.purchasing.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

@Service
@Command(scope = "purchasing", name = "bills", description = "Lists vendor bills: status, total, what is still open")
public class BillsCommand extends PurchasingAction {
    @Option(name = "--status", description = "Only bills with this status: held, open, partially-paid, paid or cancelled")
    String status;

    @Option(name = "--vendor", description = "Only this vendor's bills (its code or id)")
    @Completion(VendorCodeCompleter.class)
    String vendor;

    @Option(name = "--open", description = "Only what is still owed (open and partially paid), oldest due first")
    boolean open;

    @Option(name = "--limit", description = "At most this many (100 by default)")
    int limit = 100;

    @Override
    protected Object run() throws CommandException {
        Long vendorId = vendor == null ? null : vendor(vendor).id();
        printBills(open ? bills.openItems(vendorId)
                : bills.bills(status == null ? null : billStatus(status), vendorId, 0, limit));
        return null;
    }
}
