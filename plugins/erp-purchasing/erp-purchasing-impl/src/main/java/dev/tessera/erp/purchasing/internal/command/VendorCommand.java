package dev.tessera.erp.purchasing.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import dev.tessera.erp.purchasing.api.Vendor;

@Service
@Command(scope = "purchasing", name = "vendor", description = "Shows a vendor with its price agreements in force")
public class VendorCommand extends PurchasingAction {
    @Argument(index = 0, name = "vendor", required = true, description = "The vendor's code (or id), e.g. ACME-01")
    @Completion(VendorCodeCompleter.class)
    String vendor;

    @Override
    protected Object run() throws CommandException {
        Vendor v = vendor(vendor);
        System.out.println("Vendor " + v.code() + " (id " + v.id() + "): " + v.name() + (v.active() ? "" : ", DEACTIVATED"));
        System.out.println("  currency " + v.currency() + ", " + v.paymentTermsDays() + " days to pay, lead time "
                + v.leadTimeDays() + " days" + (v.taxId() == null ? "" : ", tax id " + v.taxId()));
        if (v.contactName() != null || v.contactEmail() != null) {
            System.out.println("  contact " + or(v.contactName()) + (v.contactEmail() == null ? ""
                    : " <" + v.contactEmail() + ">"));
        }
        PricesCommand.print(vendors.prices(v.id(), null, false));
        return null;
    }
}
