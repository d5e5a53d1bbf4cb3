package dev.tessera.erp.purchasing.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import dev.tessera.erp.purchasing.api.NewVendor;
import dev.tessera.erp.purchasing.api.Vendor;

@Service
@Command(scope = "purchasing", name = "vendor-add", description = "Creates a vendor")
public class VendorAddCommand extends PurchasingAction {
    @Argument(index = 0, name = "code", required = true,
            description = "Its unique code: upper-case letters, digits and hyphens, e.g. ACME-01")
    String code;

    @Argument(index = 1, name = "name", required = true, description = "Its name, e.g. 'Acme Supplies Ltd'")
    String name;

    @Option(name = "--currency", description = "ISO 4217 code of its prices and orders (the configured one by default)")
    String currency;

    @Option(name = "--terms", description = "Days it gives to pay its bills (the configured ones by default)")
    Integer terms;

    @Option(name = "--lead-time", description = "Days its goods take to arrive (the configured ones by default)")
    Integer leadTime;

    @Option(name = "--tax-id", description = "Its tax id, e.g. DE123456789")
    String taxId;

    @Option(name = "--contact", description = "Whom to talk to there")
    String contact;

    @Option(name = "--email", description = "The contact's e-mail address")
    String email;

    @Override
    protected Object run() {
        Vendor v = vendors.createVendor(new NewVendor(code, name, currency, terms, taxId, leadTime, contact, email),
                user());
        System.out.println("Vendor " + v.code() + " (id " + v.id() + ") created: " + v.currency() + ", "
                + v.paymentTermsDays() + " days to pay, " + v.leadTimeDays() + " days lead time");
        return null;
    }
}
