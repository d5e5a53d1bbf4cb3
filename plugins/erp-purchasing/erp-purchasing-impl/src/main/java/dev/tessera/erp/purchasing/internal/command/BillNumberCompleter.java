package dev.tessera.erp.purchasing.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import dev.tessera.erp.purchasing.api.VendorBill;
import dev.tessera.erp.purchasing.api.VendorBills;

/** Completes vendor bill numbers, e.g. BILL-2026-000004 (the first few hundred bills, by id). */
@Service
public class BillNumberCompleter implements Completer {
    private static final int LIMIT = 300;

    @Reference
    VendorBills bills;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        for (VendorBill b : bills.bills(null, null, 0, LIMIT)) {
            delegate.getStrings().add(b.number());
        }
        return delegate.complete(session, commandLine, candidates);
    }
}
