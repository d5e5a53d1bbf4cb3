package dev.tessera.erp.purchasing.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "purchasing", name = "vendors", description = "Lists vendors")
public class VendorsCommand extends PurchasingAction {
    @Option(name = "--all", description = "Include deactivated vendors (only active ones by default)")
    boolean all;

    @Option(name = "--after", description = "Show vendors with ids above this one")
    long after;

    @Option(name = "--limit", description = "How many to show (100 by default)")
    int limit = 100;

    @Override
    protected Object run() {
        printVendors(vendors.vendors(all ? null : Boolean.TRUE, after, limit));
        return null;
    }
}
