package dev.tessera.platform.shell.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;

import dev.tessera.platform.api.ModuleInfo;
import dev.tessera.platform.api.ModuleManager;

/** Completes module ids. */
@Service
public class ModuleIdCompleter implements Completer {

    @Reference
    ModuleManager modules;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter delegate = new StringsCompleter();
        for (ModuleInfo m : modules.modules()) {
            delegate.getStrings().add(m.id());
        }
        return delegate.complete(session, commandLine, candidates);
    }
}
