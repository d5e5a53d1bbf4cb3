package dev.tessera.platform.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.table.ShellTable;

import dev.tessera.platform.api.event.EventLog;
import dev.tessera.platform.api.event.SubscriberStatus;

@Service
@Command(scope = "tessera", name = "subscribers", description = "Shows each durable event subscriber: present, position, events behind, failures")
public class SubscribersCommand extends TesseraAction {

    @Reference(optional = true)
    EventLog events;

    @Override
    protected Object run() throws CommandException {
        var events = available(this.events, "The event stream");
        ShellTable table = new ShellTable();
        table.column("SUBSCRIBER");
        table.column("PRESENT");
        table.column("POSITION");
        table.column("BEHIND");
        table.column("FAILURES");
        table.column("NEXT RETRY");
        table.column("LAST ERROR").maxSize(80);
        for (SubscriberStatus s : events.subscribers()) {
            table.addRow().addContent(s.subscriberId(), s.present() ? "yes" : "no", s.position(), s.behind(),
                    s.failures(), Formats.time(s.nextAttemptAt()), s.lastError());
        }
        table.print(System.out);
        return null;
    }
}
