package dev.tessera.erp.manufacturing.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

@Service
@Command(scope = "manufacturing", name = "mrp-runs", description = "Lists MRP runs, newest first, with the progress of one still going")
public class MrpRunsCommand extends ManufacturingAction {
    @Option(name = "--limit", description = "How many to show, 1 to 1000 (20 by default)")
    int limit = 20;

    @Option(name = "--before", description = "Show runs with ids below this one")
    long before;

    @Override
    protected Object run() throws Exception {
        printRuns(mrp.runs(before, limit(limit)));
        return null;
    }
}
