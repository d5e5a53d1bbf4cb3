package dev.tessera.erp.purchasing.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import dev.tessera.erp.purchasing.api.NewPriceAgreement;
import dev.tessera.erp.purchasing.api.PriceAgreement;

@Service
@Command(scope = "purchasing", name = "price-add", description = "Adds a vendor's price agreement for an item")
public class PriceAddCommand extends PurchasingAction {
    @Option(name = "--min", description = "The least quantity an order line needs for this price (any quantity by default)")
    String min;

    @Option(name = "--lead-time", description = "Days this item takes from this vendor (the vendor's lead time by default)")
    Integer leadTime;

    @Option(name = "--from", description = "First day it is valid, YYYY-MM-DD (today by default)")
    String from;

    @Option(name = "--to", description = "Last day it is valid, YYYY-MM-DD (open-ended by default)")
    String to;

    @Argument(index = 0, name = "vendor", required = true, description = "The vendor's code (or id), e.g. ACME-01")
    @Completion(VendorCodeCompleter.class)
    String vendor;

    @Argument(index = 1, name = "sku", required = true, description = "The item's SKU in the inventory's catalog, e.g. MUG-1")
    String sku;

    @Argument(index = 2, name = "price", required = true, description = "The unit price in the vendor's currency, e.g. 2.40")
    String price;

    @Override
    protected Object run() throws CommandException {
        PriceAgreement p = vendors.addPrice(vendor(vendor).id(), new NewPriceAgreement(sku, number("price", price),
                null, number("--min", min), leadTime, date("--from", from), date("--to", to)), user());
        System.out.println("Price agreement " + p.id() + ": " + p.vendorCode() + " sells " + p.sku() + " at "
                + plain(p.price()) + " " + p.currency() + " from " + plain(p.minQuantity()) + ", valid " + p.validFrom()
                + (p.validTo() == null ? " on" : " to " + p.validTo()));
        return null;
    }
}
