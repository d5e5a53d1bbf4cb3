package dev.tessera.erp.sales.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import dev.tessera.erp.sales.api.Billing;
import dev.tessera.erp.sales.api.Invoice;
import dev.tessera.erp.sales.api.InvoiceKind;
import dev.tessera.erp.sales.api.InvoiceStatus;

/** Completes the ids of invoices that can still be credited (not credit notes; the first few hundred, by id). */
@Service
public class InvoiceIdCompleter implements Completer {
    private static final int LIMIT = 300;

    @Reference
    Billing billing;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        for (Invoice i : billing.invoices(null, null, 0, LIMIT)) {
            if (i.kind() == InvoiceKind.INVOICE && i.status() != InvoiceStatus.CREDITED) {
                delegate.getStrings().add(String.valueOf(i.id()));
            }
        }
        return delegate.complete(session, commandLine, candidates);
    }
}
