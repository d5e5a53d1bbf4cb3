package dev.tessera.erp.manufacturing.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import dev.tessera.erp.manufacturing.api.WorkOrder;
import dev.tessera.erp.manufacturing.api.WorkOrderStatus;
import dev.tessera.erp.manufacturing.api.WorkOrders;

/** Completes the numbers of work orders not closed or cancelled yet (the first few hundred). */
@Service
public class WorkOrderCompleter implements Completer {
    @Reference
    WorkOrders orders;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        for (WorkOrder o : orders.workOrders(null, null, 0, 300)) {
            if (o.status() != WorkOrderStatus.CLOSED && o.status() != WorkOrderStatus.CANCELLED) {
                delegate.getStrings().add(o.number());
            }
        }
        return delegate.complete(session, commandLine, candidates);
    }
}
