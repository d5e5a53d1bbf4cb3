package dev.tessera.platform.shell.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.table.ShellTable;

import dev.tessera.platform.api.RecordType;
import dev.tessera.platform.api.event.EventLog;
import dev.tessera.platform.api.event.StoredEvent;

@Service
@Command(scope = "tessera", name = "audit", description = "Shows who changed a record, what and when, from its events")
public class AuditCommand extends TesseraAction {

    @Reference(optional = true)
    EventLog events;

    @Argument(index = 0, name = "record-type", required = true, description = "e.g. invoice, journal-entry")
    String recordType;

    @Argument(index = 1, name = "record-id", required = true, description = "the record's id")
    String recordId;

    @Override
    protected Object run() throws CommandException {
        var events = available(this.events, "The event stream");
        List<StoredEvent> history = events.history(RecordType.of(recordType).name(), recordId);
        if (history.isEmpty()) {
            System.out.println("No events for " + recordType + " " + recordId);
            return null;
        }
        ShellTable table = new ShellTable();
        table.column("TIME");
        table.column("ACTOR");
        table.column("EVENT");
        table.column("VERSION");
        table.column("CHANGES").maxSize(100).wrap();
        for (StoredEvent e : history) {
            table.addRow().addContent(Formats.time(e.event().occurredAt()), e.event().actor(), e.event().type(),
                    e.event().recordVersion(), Formats.changes(e.event().changes()));
        }
        table.print(System.out);
        return null;
    }
}
