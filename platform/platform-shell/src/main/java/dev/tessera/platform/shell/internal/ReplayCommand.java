package dev.tessera.platform.shell.internal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import dev.tessera.platform.api.event.EventLog;

@Service
@Command(scope = "tessera", name = "replay", description = "Delivers dead-lettered events to their subscribers again")
public class ReplayCommand extends TesseraAction {

    @Reference(optional = true)
    EventLog events;

    @Argument(index = 0, name = "id", description = "the dead letter id (see tessera:dead-letters)")
    Long id;

    @Option(name = "--all", description = "replay every dead letter whose subscriber is present")
    boolean all;

    @Override
    protected Object run() throws CommandException {
        var events = available(this.events, "The event stream");
        if (all == (id != null)) {
            throw new CommandException("Give either a dead letter id or --all, e.g. tessera:replay 12");
        }
        if (all) {
            int before = events.deadLetters().size();
            int handled = events.replayAll();
            System.out.println("Replayed " + handled + " of " + before + " dead letter(s); " + (before - handled) + " remain");
            return null;
        }
        if (events.replay(id)) {
            System.out.println("Dead letter " + id + " delivered and removed");
            return null;
        }
        throw new CommandException("Dead letter " + id + " failed again; it stays on the list (see tessera:dead-letters)");
    }
}
