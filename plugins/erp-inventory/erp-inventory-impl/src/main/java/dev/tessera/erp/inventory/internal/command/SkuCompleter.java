package dev.tessera.erp.inventory.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import dev.tessera.erp.inventory.api.Catalog;
import dev.tessera.erp.inventory.api.Item;

/** Completes the SKUs of the catalog's items (the first few hundred, by SKU). */
@Service
public class SkuCompleter implements Completer {
    private static final int LIMIT = 300;

    @Reference
    Catalog catalog;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        for (Item i : catalog.items(null, LIMIT)) {
            delegate.getStrings().add(i.sku());
        }
        return delegate.complete(session, commandLine, candidates);
    }
}
