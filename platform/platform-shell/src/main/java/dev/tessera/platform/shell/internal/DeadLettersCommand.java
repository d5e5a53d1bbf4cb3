package dev.tessera.platform.shell.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.table.ShellTable;

import dev.tessera.platform.api.event.DeadLetter;
import dev.tessera.platform.api.event.EventLog;

@Service
@Command(scope = "tessera", name = "dead-letters", description = "Lists events that a subscriber failed to handle after all retries")
public class DeadLettersCommand extends TesseraAction {

    @Reference(optional = true)
    EventLog events;

    @Override
    protected Object run() throws CommandException {
        var events = available(this.events, "The event stream");
        List<DeadLetter> letters = events.deadLetters();
        if (letters.isEmpty()) {
            System.out.println("No dead letters");
            return null;
        }
        ShellTable table = new ShellTable();
        table.column("ID");
        table.column("SUBSCRIBER");
        table.column("SEQ");
        table.column("TYPE");
        table.column("RECORD");
        table.column("ATTEMPTS");
        table.column("DEAD AT");
        table.column("LAST ERROR").maxSize(80);
        for (DeadLetter d : letters) {
            table.addRow().addContent(d.id(), d.subscriberId(), d.event().sequence(), d.event().event().type(),
                    d.event().event().recordId(), d.attempts(), Formats.time(d.deadAt()), d.lastError());
        }
        table.print(System.out);
        System.out.println("Replay with tessera:replay <id> or tessera:replay --all once the subscriber is fixed");
        return null;
    }
}
