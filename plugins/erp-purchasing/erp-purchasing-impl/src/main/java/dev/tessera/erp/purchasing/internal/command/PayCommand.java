package dev.tessera.erp.purchasing.internal.command;

import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import dev.tessera.erp.purchasing.api.NewPaymentAllocation;
import dev.tessera.erp.purchasing.api.NewVendorPayment;
import dev.tessera.erp.purchasing.api.VendorPayment;

@Service
@Command(scope = "purchasing", name = "pay", description = "Pays a vendor's posted bills, in full or in part: BILL or BILL:AMOUNT each")
public class PayCommand extends PurchasingAction {
    @Option(name = "--date", description = "The day of the payment, YYYY-MM-DD (today by default)")
    String date;

    @Option(name = "--currency", description = "The payment's currency (the vendor's by default); each bill must be in it")
    String currency;

    @Option(name = "--reference", description = "The bank's reference")
    String reference;

    @Argument(index = 0, name = "vendor", required = true, description = "The vendor's code (or id), e.g. NORDIC")
    @Completion(VendorCodeCompleter.class)
    String vendor;

    @Argument(index = 1, name = "bills", required = true, multiValued = true, description = "BILL (all it owes) or BILL:AMOUNT, e.g. BILL-2026-000001 BILL-2026-000003:500")
    @Completion(BillNumberCompleter.class)
    List<String> bills;

    @Override
    protected Object run() throws CommandException {
        List<NewPaymentAllocation> allocations = new ArrayList<>();
        for (String spec : bills) {
            String[] parts = spec.split(":", 2);
            String key = parts[0].trim();
            allocations.add(new NewPaymentAllocation(key.matches("\\d{1,18}") ? Long.valueOf(key) : null,
                    key.matches("\\d{1,18}") ? null : key, parts.length == 2 ? number("amount of " + spec, parts[1])
                    : null));
        }
        VendorPayment p = payments.pay(new NewVendorPayment(null, vendor(vendor).code(), date == null ? null
                : date("--date", date), currency, null, reference, allocations), user());
        System.out.println("Payment " + p.number() + " to " + p.vendorCode() + " on " + p.date() + ": "
                + p.amount().toPlainString() + " " + p.currency());
        for (VendorPayment.Allocation a : p.bills()) {
            System.out.println("  " + a.billNumber() + ": " + a.amount().toPlainString());
        }
        return null;
    }
}
