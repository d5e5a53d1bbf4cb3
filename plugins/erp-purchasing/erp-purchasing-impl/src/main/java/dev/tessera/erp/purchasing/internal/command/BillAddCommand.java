package dev.tessera.erp.purchasing.internal.command;

import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import dev.tessera.erp.purchasing.api.NewBillLine;
import dev.tessera.erp.purchasing.api.NewVendorBill;

@Service
@Command(scope = "purchasing", name = "bill-add", description = "Enters a vendor's bill for a purchase order: LINE:QTY[@PRICE] per order line; posted when it matches the order and receipts, held with the reasons when not")
public class BillAddCommand extends PurchasingAction {
    @Option(name = "--date", description = "The vendor's bill date, YYYY-MM-DD (today by default)")
    String date;

    @Option(name = "--due", description = "The due date, YYYY-MM-DD (the bill date plus the vendor's payment terms by default)")
    String due;

    @Option(name = "--note", description = "A note on the bill")
    String note;

    @Argument(index = 0, name = "order", required = true, description = "The order's number (or id), e.g. PO-2026-000001")
    @Completion(OrderNumberCompleter.class)
    String order;

    @Argument(index = 1, name = "reference", required = true, description = "The vendor's own invoice number, e.g. INV-8812")
    String reference;

    @Argument(index = 2, name = "lines", required = true, multiValued = true, description = "LINE:QTY or LINE:QTY@PRICE (the order's price when left out), e.g. 1:100 2:1@155.00")
    List<String> lines;

    @Override
    protected Object run() throws CommandException {
        long id = order(order).id();
        List<NewBillLine> parsed = new ArrayList<>();
        for (String spec : lines) {
            String[] at = spec.split("@", 2);
            String[] parts = at[0].split(":");
            if (parts.length != 2 || !parts[0].trim().matches("\\d{1,6}")) {
                throw new CommandException("'" + spec + "' is not LINE:QTY or LINE:QTY@PRICE, e.g. 1:100@10.70");
            }
            parsed.add(new NewBillLine(Integer.valueOf(parts[0].trim()), number("quantity of " + spec, parts[1]),
                    at.length == 2 ? number("price of " + spec, at[1]) : null, null));
        }
        printBill(bills.enter(new NewVendorBill(id, null, reference, date == null ? null : date("--date", date),
                due == null ? null : date("--due", due), parsed, note), user()));
        return null;
    }
}
