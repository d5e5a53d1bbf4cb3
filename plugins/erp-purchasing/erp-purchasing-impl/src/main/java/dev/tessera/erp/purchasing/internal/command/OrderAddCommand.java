package dev.tessera.erp.purchasing.internal.command;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import dev.tessera.erp.purchasing.api.NewPurchaseOrder;
import dev.tessera.erp.purchasing.api.NewPurchaseOrderLine;
import dev.tessera.erp.purchasing.api.PurchaseOrder;

@Service
@Command(scope = "purchasing", name = "order-add", description = "Drafts a purchase order: item lines as SKU:QTY[:PRICE] (priced from the vendor's agreements unless PRICE is given), non-stock lines with --text")
public class OrderAddCommand extends PurchasingAction {
    @Option(name = "--text", multiValued = true,
            description = "A non-stock line as 'description:qty:price', e.g. 'Freight:1:35' (repeat for more)")
    List<String> texts;

    @Option(name = "--warehouse", description = "Where its goods are received, e.g. MAIN")
    String warehouse;

    @Option(name = "--date", description = "The order date, YYYY-MM-DD (today by default)")
    String date;

    @Option(name = "--expected", description = "When every line is expected, YYYY-MM-DD (order date + lead time by default)")
    String expected;

    @Option(name = "--tax-code", description = "The ledger tax code of every line, e.g. VAT19 (no tax by default)")
    String taxCode;

    @Option(name = "--note", description = "A note on the order")
    String note;

    @Argument(index = 0, name = "vendor", required = true, description = "The vendor's code (or id), e.g. ACME-01")
    @Completion(VendorCodeCompleter.class)
    String vendor;

    @Argument(index = 1, name = "lines", multiValued = true, description = "Item lines as SKU:QTY[:PRICE], e.g. MUG-1:200 BEANS-1KG:20:8.10")
    List<String> lines;

    @Override
    protected Object run() throws CommandException {
        List<NewPurchaseOrderLine> parsed = new ArrayList<>();
        java.time.LocalDate when = date("--expected", expected);
        for (String line : lines == null ? List.<String>of() : lines) {
            parsed.add(item(line, taxCode, when));
        }
        for (String text : texts == null ? List.<String>of() : texts) {
            parsed.add(text(text, taxCode, when));
        }
        if (parsed.isEmpty()) {
            throw new CommandException("Give at least one line: SKU:QTY[:PRICE] or --text 'description:qty:price'");
        }
        PurchaseOrder order = orders.createOrder(new NewPurchaseOrder(vendor(vendor).id(), null, date("--date", date),
                warehouse, parsed, note), user());
        printOrder(order);
        return null;
    }

    /** {@code SKU:QTY[:PRICE]}. */
    static NewPurchaseOrderLine item(String spec, String taxCode, java.time.LocalDate expected) throws CommandException {
        String[] parts = spec.split(":", -1);
        if (parts.length < 2 || parts.length > 3 || parts[0].isBlank()) {
            throw new CommandException("'" + spec + "' is not SKU:QTY[:PRICE], e.g. MUG-1:200 or MUG-1:200:2.10");
        }
        BigDecimal price = parts.length == 3 ? number("price of " + spec, parts[2]) : null;
        return new NewPurchaseOrderLine(parts[0].trim(), null, number("quantity of " + spec, parts[1]), price, taxCode,
                expected, null);
    }

    /** {@code description:qty:price}; the description may hold colons itself. */
    static NewPurchaseOrderLine text(String spec, String taxCode, java.time.LocalDate expected) throws CommandException {
        int last = spec.lastIndexOf(':');
        int middle = last < 1 ? -1 : spec.lastIndexOf(':', last - 1);
        if (middle < 1 || spec.substring(0, middle).isBlank()) {
            throw new CommandException("'" + spec + "' is not 'description:qty:price', e.g. 'Freight:1:35'");
        }
        return new NewPurchaseOrderLine(null, spec.substring(0, middle).trim(),
                number("quantity of " + spec, spec.substring(middle + 1, last)),
                number("price of " + spec, spec.substring(last + 1)), taxCode, expected, null);
    }
}
