package dev.tessera.itest.listener.internal.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import dev.tessera.itest.notes.api.NoteListener;

@Service
@Command(scope = "itest", name = "listener-fail", description = "Makes the note listener fail the next N deliveries, or --always (test module)")
public class ListenerFailCommand implements Action {
    @Reference
    NoteListener listener;

    @Argument(index = 0, name = "times")
    int times;

    @Option(name = "--always", description = "fail every delivery until told otherwise")
    boolean always;

    @Override
    public Object execute() {
        listener.failNext(always ? -1 : times);
        return null;
    }
}
