package dev.tessera.platform.shell.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.table.ShellTable;

import dev.tessera.platform.api.event.EventLog;
import dev.tessera.platform.api.event.StoredEvent;

@Service
@Command(scope = "tessera", name = "events", description = "Shows the committed event stream, newest last; --follow keeps printing new events")
public class EventsCommand extends TesseraAction {

    @Reference(optional = true)
    EventLog events;

    @Option(name = "--type", description = "an event type or a prefix ending in *, e.g. sales.invoice.*")
    String type;

    @Option(name = "--limit", description = "how many of the newest events to show (1-10000, default 20)")
    int limit = 20;

    @Option(name = "--after", description = "show the events after this sequence number instead of the newest")
    long after = -1;

    @Option(name = "--follow", description = "keep printing new events until interrupted (Ctrl-C)")
    boolean follow;

    @Override
    protected Object run() throws InterruptedException, CommandException {
        var events = available(this.events, "The event stream");
        List<StoredEvent> batch = after >= 0 ? events.events(after, type, limit) : events.latest(type, limit);
        print(batch, true);
        long position = batch.isEmpty() ? (after >= 0 ? after : lastSequence()) : batch.get(batch.size() - 1).sequence();
        while (follow && !Thread.currentThread().isInterrupted()) {
            Thread.sleep(500);
            List<StoredEvent> next = events.events(position, type, 1000);
            print(next, false);
            if (!next.isEmpty()) {
                position = next.get(next.size() - 1).sequence();
            }
        }
        return null;
    }

    private long lastSequence() {
        List<StoredEvent> newest = events.latest(null, 1);
        return newest.isEmpty() ? 0 : newest.get(0).sequence();
    }

    private static void print(List<StoredEvent> batch, boolean header) {
        if (batch.isEmpty()) {
            if (header) {
                System.out.println("No events");
            }
            return;
        }
        ShellTable table = new ShellTable();
        if (!header) {
            table.noHeaders();
        }
        table.column("SEQ");
        table.column("TIME");
        table.column("TYPE");
        table.column("RECORD");
        table.column("ACTOR");
        table.column("CHANGES").maxSize(80);
        for (StoredEvent e : batch) {
            table.addRow().addContent(e.sequence(), Formats.time(e.event().occurredAt()), e.event().type(),
                    e.event().recordId(), e.event().actor(), Formats.changes(e.event().changes()));
        }
        table.print(System.out);
        System.out.flush();
    }
}
