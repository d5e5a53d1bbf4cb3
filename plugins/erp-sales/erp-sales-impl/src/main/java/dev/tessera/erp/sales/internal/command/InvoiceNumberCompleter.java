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

/** Completes the numbers of open invoices (issued or partially paid; not credit notes), e.g. INV-2026-000012. */
@Service
public class InvoiceNumberCompleter implements Completer {
    private static final int LIMIT = 300;

    @Reference
    Billing billing;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        for (InvoiceStatus status : List.of(InvoiceStatus.ISSUED, InvoiceStatus.PARTIALLY_PAID)) {
            for (Invoice i : billing.invoices(status, null, 0, LIMIT)) {
                if (i.kind() == InvoiceKind.INVOICE) {
                    delegate.getStrings().add(i.number());
                }
            }
        }
        return delegate.complete(session, commandLine, candidates);
    }
}
