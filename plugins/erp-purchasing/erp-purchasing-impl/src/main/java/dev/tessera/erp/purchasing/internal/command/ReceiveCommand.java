package dev.tessera.erp.purchasing.internal.command;

import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import dev.tessera.erp.purchasing.api.NewGoodsReceipt;
import dev.tessera.erp.purchasing.api.ReceiveLine;

@Service
@Command(scope = "purchasing", name = "receive", description = "Receives goods on a purchase order: LINE:QTY pairs; item lines go into stock")
public class ReceiveCommand extends PurchasingAction {
    @Option(name = "--warehouse", description = "Where the goods go, e.g. MAIN (each line's or the order's warehouse by default)")
    String warehouse;

    @Option(name = "--location", description = "The location in the warehouse (its main one by default)")
    String location;

    @Option(name = "--lot", description = "The lot of lot-tracked items")
    String lot;

    @Argument(index = 0, name = "order", required = true, description = "The order's number (or id), e.g. PO-2026-000001")
    @Completion(OrderNumberCompleter.class)
    String order;

    @Argument(index = 1, name = "lines", required = true, multiValued = true, description = "LINE:QTY, e.g. 1:120 2:1")
    List<String> lines;

    @Override
    protected Object run() throws CommandException {
        long id = order(order).id();
        printReceipt(receipts.receive(id, new NewGoodsReceipt(parse(lines, location, lot), warehouse), user()));
        return null;
    }

    static List<ReceiveLine> parse(List<String> pairs, String location, String lot) throws CommandException {
        List<ReceiveLine> plan = new ArrayList<>();
        for (String pair : pairs) {
            String[] parts = pair.split(":");
            if (parts.length != 2 || !parts[0].trim().matches("\\d{1,6}")) {
                throw new CommandException("'" + pair + "' is not LINE:QTY, e.g. 1:120");
            }
            plan.add(new ReceiveLine(Integer.valueOf(parts[0].trim()), number("quantity of " + pair, parts[1]), null,
                    location, lot));
        }
        return plan;
    }
}
