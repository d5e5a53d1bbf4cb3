package dev.tessera.erp.inventory.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import dev.tessera.erp.inventory.api.StockService;
import dev.tessera.erp.inventory.api.Warehouse;

/** Completes warehouse codes. */
@Service
public class WarehouseCompleter implements Completer {

    @Reference
    StockService stock;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        for (Warehouse w : stock.warehouses()) {
            delegate.getStrings().add(w.code());
        }
        return delegate.complete(session, commandLine, candidates);
    }
}
