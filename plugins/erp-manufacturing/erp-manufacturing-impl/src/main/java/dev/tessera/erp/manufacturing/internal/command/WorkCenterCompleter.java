package dev.tessera.erp.manufacturing.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import dev.tessera.erp.manufacturing.api.WorkCenter;
import dev.tessera.erp.manufacturing.api.WorkCenters;

/** Completes the codes of active work centers. */
@Service
public class WorkCenterCompleter implements Completer {
    @Reference
    WorkCenters centers;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        for (WorkCenter w : centers.workCenters(Boolean.TRUE)) {
            delegate.getStrings().add(w.code());
        }
        return delegate.complete(session, commandLine, candidates);
    }
}
