package dev.tessera.erp.sales.internal.command;

import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import dev.tessera.erp.sales.api.NewOrder;
import dev.tessera.erp.sales.api.NewOrderLine;
import dev.tessera.erp.sales.api.SalesOrder;
import dev.tessera.platform.support.console.LineSpec;

@Service
@Command(scope = "sales", name = "order-add", description = "Enters a draft order: lines in single quotes as '<qty> <sku or description> [@ <unit price>] [-<discount>%] [/<months> months]'; one word is a SKU")
public class OrderAddCommand extends SalesAction {
    @Option(name = "--account", required = true, description = "The customer's account id")
    long account;

    @Option(name = "--currency", description = "ISO 4217 code, e.g. USD (the customer's billing currency by default)")
    String currency;

    @Option(name = "--tax-code", description = "The ledger tax code of every line (the configured one by default)")
    String taxCode;

    @Option(name = "--confirm", description = "Confirm it right away: credit check and stock reservation")
    boolean confirm;

    @Argument(index = 0, name = "lines", required = true, multiValued = true,
            description = "e.g. '10 MUG-1 -5%' '1 Set-up @ 250' (single quotes keep the console from reading % and @)")
    List<String> lines;

    @Override
    protected Object run() throws CommandException {
        List<NewOrderLine> parsed = new ArrayList<>();
        for (String line : lines) {
            parsed.add(parse(line, taxCode));
        }
        SalesOrder order = orders.createOrder(new NewOrder(account, currency, parsed), user());
        if (confirm) {
            order = orders.confirm(order.id(), user());
        }
        printOrder(order);
        return null;
    }

    static NewOrderLine parse(String line, String taxCode) throws CommandException {
        LineSpec l = LineSpec.parse(line);
        return new NewOrderLine(l.sku(), l.description(), l.quantity(), l.unitPrice(), l.discountPercent(), taxCode,
                l.contractMonths());
    }
}
