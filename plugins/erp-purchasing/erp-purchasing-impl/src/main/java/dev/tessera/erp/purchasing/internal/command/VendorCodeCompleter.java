package dev.tessera.erp.purchasing.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import dev.tessera.erp.purchasing.api.Vendor;
import dev.tessera.erp.purchasing.api.Vendors;

/** Completes vendor codes, e.g. ACME-01 (the first few hundred vendors, by id). */
@Service
public class VendorCodeCompleter implements Completer {
    private static final int LIMIT = 300;

    @Reference
    Vendors vendors;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        for (Vendor v : vendors.vendors(null, 0, LIMIT)) {
            delegate.getStrings().add(v.code());
        }
        return delegate.complete(session, commandLine, candidates);
    }
}
