package dev.tessera.erp.ledger.internal.command;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import dev.tessera.erp.ledger.api.JournalEntry;
import dev.tessera.erp.ledger.api.PostingLine;
import dev.tessera.erp.ledger.api.PostingRequest;

@Service
@Command(scope = "ledger", name = "post", description = "Posts a balanced journal entry")
public class PostCommand extends LedgerAction {
    @Option(name = "--date", description = "Entry date, YYYY-MM-DD (today when left out)")
    String date;

    @Option(name = "--description", aliases = "-d", required = true, description = "What the entry records")
    String description;

    @Argument(index = 0, name = "lines", required = true, multiValued = true,
            description = "account:debit:credit[:currency[:rate]], e.g. 1100:250.00:0 4100:0:250.00")
    List<String> lines;

    @Override
    protected Object run() throws CommandException {
        List<PostingLine> parsed = new ArrayList<>();
        for (String line : lines) {
            String[] parts = line.split(":");
            if (parts.length < 3 || parts.length > 5) {
                throw new CommandException("'" + line + "' is not account:debit:credit[:currency[:rate]], e.g. 1100:250.00:0");
            }
            try {
                parsed.add(new PostingLine(parts[0], new BigDecimal(parts[1]), new BigDecimal(parts[2]),
                        parts.length > 3 ? parts[3] : null, parts.length > 4 ? new BigDecimal(parts[4]) : null,
                        null, null, null));
            } catch (NumberFormatException e) {
                throw new CommandException("'" + line + "': debit, credit and rate must be numbers such as 250.00");
            }
        }
        JournalEntry entry = ledger.postManual(new PostingRequest(date == null ? java.time.LocalDate.now() : date("--date", date),
                description, null, null, parsed), user());
        System.out.println("Posted " + entry.number());
        print(entry);
        return null;
    }
}
