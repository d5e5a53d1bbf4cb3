package dev.tessera.erp.sales.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import dev.tessera.erp.sales.api.Orders;
import dev.tessera.erp.sales.api.SalesOrder;

/** Completes sales order ids, as the order commands take them (the first few hundred orders, by id). */
@Service
public class OrderIdCompleter implements Completer {
    private static final int LIMIT = 300;

    @Reference
    Orders orders;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        for (SalesOrder o : orders.orders(null, null, 0, LIMIT)) {
            delegate.getStrings().add(String.valueOf(o.id()));
        }
        return delegate.complete(session, commandLine, candidates);
    }
}
