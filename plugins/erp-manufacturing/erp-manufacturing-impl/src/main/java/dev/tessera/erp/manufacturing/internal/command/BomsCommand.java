package dev.tessera.erp.manufacturing.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "manufacturing", name = "boms", description = "Lists bills of materials, every revision")
public class BomsCommand extends ManufacturingAction {
    @Option(name = "--sku", description = "Only the revisions of this item's bill")
    String sku;

    @Option(name = "--after", description = "Show bills with ids above this one")
    long after;

    @Option(name = "--limit", description = "How many to show (100 by default)")
    int limit = 100;

    @Override
    protected Object run() {
        printBoms(boms.boms(sku, after, limit));
        return null;
    }
}
