package dev.tessera.erp.purchasing.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import dev.tessera.erp.purchasing.api.Vendor;

@Service
@Command(scope = "purchasing", name = "vendor-deactivate", description = "Deactivates a vendor: no new orders or price agreements; its history stays")
public class VendorDeactivateCommand extends PurchasingAction {
    @Argument(index = 0, name = "vendor", required = true, description = "The vendor's code (or id), e.g. ACME-01")
    @Completion(VendorCodeCompleter.class)
    String vendor;

    @Override
    protected Object run() throws CommandException {
        Vendor v = vendors.deactivate(vendor(vendor).id(), user());
        System.out.println("Vendor " + v.code() + " deactivated");
        return null;
    }
}
