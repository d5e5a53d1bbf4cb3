package dev.tessera.erp.purchasing.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.table.ShellTable;

import dev.tessera.erp.purchasing.api.VendorPayment;

@Service
@Command(scope = "purchasing", name = "payments", description = "Lists payments to vendors and the bills they paid")
public class PaymentsCommand extends PurchasingAction {
    @Option(name = "--vendor", description = "Only this vendor's payments (its code or id)")
    @Completion(VendorCodeCompleter.class)
    String vendor;

    @Option(name = "--limit", description = "At most this many (100 by default)")
    int limit = 100;

    @Override
    protected Object run() throws CommandException {
        ShellTable table = new ShellTable();
        table.column("Number");
        table.column("Vendor");
        table.column("Date");
        table.column("Amount").alignRight();
        table.column("Bills");
        table.column("Reference");
        for (VendorPayment p : payments.payments(vendor == null ? null : vendor(vendor).id(), 0, limit)) {
            table.addRow().addContent(p.number(), p.vendorCode(), p.date(), p.amount().toPlainString() + " "
                    + p.currency(), String.join(", ", p.bills().stream().map(a -> a.billNumber() + " "
                    + a.amount().toPlainString()).toList()), or(p.reference()));
        }
        table.print(System.out);
        return null;
    }
}
