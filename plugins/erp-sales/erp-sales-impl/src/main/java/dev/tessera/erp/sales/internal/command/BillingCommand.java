package dev.tessera.erp.sales.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import dev.tessera.erp.sales.api.CustomerBilling;
import dev.tessera.erp.sales.api.NewBilling;

@Service
@Command(scope = "sales", name = "billing", description = "Shows a customer's billing terms, or changes them with the options")
public class BillingCommand extends SalesAction {
    @Option(name = "--credit-limit", description = "The most the customer may owe, checked when an order is confirmed,"
            + " e.g. 50000")
    String creditLimit;

    @Option(name = "--terms", description = "Days to pay")
    Integer terms;

    @Option(name = "--tax-id", description = "The customer's VAT or tax number, e.g. DE123456789")
    String taxId;

    @Option(name = "--currency", description = "The currency the customer is billed in, ISO 4217, e.g. EUR")
    String currency;

    @Option(name = "--name", description = "For a customer the pipeline does not know")
    String name;

    @Argument(index = 0, name = "account", required = true, description = "The customer's account id")
    long account;

    @Override
    protected Object run() throws CommandException {
        CustomerBilling b;
        if (creditLimit == null && terms == null && taxId == null && currency == null && name == null) {
            b = customers.billing(account).orElseThrow(() -> new CommandException("No billing terms for account "
                    + account + " yet"));
        } else {
            b = customers.setBilling(account, new NewBilling(name, taxId, terms, number("--credit-limit", creditLimit),
                    currency, null), user());
        }
        System.out.println((b.name() == null ? "Account " + b.accountId() : b.name()) + ": pays in "
                + b.paymentTermsDays() + " days, in " + b.currency() + ", credit limit "
                + (b.creditLimit() == null ? "none" : plain(b.creditLimit())) + (b.taxId() == null ? "" : ", tax id "
                + b.taxId()));
        return null;
    }
}
