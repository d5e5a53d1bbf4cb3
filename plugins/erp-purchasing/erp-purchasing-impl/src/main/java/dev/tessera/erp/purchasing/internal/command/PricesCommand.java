package dev.tessera.erp.purchasing.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.table.ShellTable;

import dev.tessera.erp.purchasing.api.PriceAgreement;

@Service
@Command(scope = "purchasing", name = "prices", description = "Lists a vendor's price agreements")
public class PricesCommand extends PurchasingAction {
    @Option(name = "--sku", description = "Only this item's agreements")
    String sku;

    @Option(name = "--ended", description = "Include agreements that have ended")
    boolean ended;

    @Argument(index = 0, name = "vendor", required = true, description = "The vendor's code (or id), e.g. ACME-01")
    @Completion(VendorCodeCompleter.class)
    String vendor;

    @Override
    protected Object run() throws CommandException {
        print(vendors.prices(vendor(vendor).id(), sku, ended));
        return null;
    }

    static void print(List<PriceAgreement> list) {
        ShellTable table = new ShellTable();
        table.column("Id").alignRight();
        table.column("SKU");
        table.column("From qty").alignRight();
        table.column("Price").alignRight();
        table.column("Lead time").alignRight();
        table.column("Valid from");
        table.column("Valid to");
        for (PriceAgreement p : list) {
            table.addRow().addContent(p.id(), p.sku(), plain(p.minQuantity()), plain(p.price()) + " " + p.currency(),
                    p.leadTimeDays() == null ? "vendor's" : p.leadTimeDays() + " d", p.validFrom(), or(p.validTo()));
        }
        table.print(System.out);
    }
}
