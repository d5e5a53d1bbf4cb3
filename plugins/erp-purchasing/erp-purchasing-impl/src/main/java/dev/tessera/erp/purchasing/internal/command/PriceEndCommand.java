package dev.tessera.erp.purchasing.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import dev.tessera.erp.purchasing.api.PriceAgreement;

@Service
@Command(scope = "purchasing", name = "price-end", description = "Ends a vendor's price agreement: gives it a last day")
public class PriceEndCommand extends PurchasingAction {
    @Option(name = "--to", description = "Its last valid day, YYYY-MM-DD (today by default)")
    String to;

    @Argument(index = 0, name = "vendor", required = true, description = "The vendor's code (or id), e.g. ACME-01")
    @Completion(VendorCodeCompleter.class)
    String vendor;

    @Argument(index = 1, name = "agreement", required = true, description = "The agreement's id (see purchasing:prices)")
    long agreement;

    @Override
    protected Object run() throws CommandException {
        PriceAgreement p = vendors.endPrice(vendor(vendor).id(), agreement, date("--to", to), user());
        System.out.println("Price agreement " + p.id() + " for " + p.sku() + " ends on " + p.validTo());
        return null;
    }
}
