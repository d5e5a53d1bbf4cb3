package dev.tessera.erp.purchasing.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import dev.tessera.erp.purchasing.api.PurchaseOrder;
import dev.tessera.erp.purchasing.api.PurchaseOrders;

/** Completes purchase order numbers, e.g. PO-2026-000012 (the first few hundred orders, by id). */
@Service
public class OrderNumberCompleter implements Completer {
    private static final int LIMIT = 300;

    @Reference
    PurchaseOrders orders;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        for (PurchaseOrder o : orders.orders(null, null, 0, LIMIT)) {
            delegate.getStrings().add(o.number());
        }
        return delegate.complete(session, commandLine, candidates);
    }
}
