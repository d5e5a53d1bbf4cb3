package dev.tessera.erp.ledger.internal.command;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.table.ShellTable;

import dev.tessera.erp.ledger.api.JournalEntry;
import dev.tessera.erp.ledger.api.JournalLine;
import dev.tessera.erp.ledger.api.LedgerService;
import dev.tessera.platform.api.TesseraException;

/** Base of the ledger commands: a refusal ends the command with one line, its message and code. */
abstract class LedgerAction implements Action {
    @Reference
    LedgerService ledger;

    @Reference
    Session session;

    @Override
    public final Object execute() throws Exception {
        try {
            return run();
        } catch (TesseraException e) {
            throw new CommandException(e.getMessage() + " [" + e.code() + "]");
        }
    }

    protected abstract Object run() throws Exception;

    /** Who runs the command, as postings record it. */
    String user() {
        Object user = session == null ? null : session.get("USER");
        return user == null ? "console" : user.toString();
    }

    static LocalDate date(String name, String value) throws CommandException {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new CommandException(name + " must be a date as YYYY-MM-DD, not '" + value + "'");
        }
    }

    static String amount(BigDecimal value) {
        return value == null || value.signum() == 0 ? "" : value.toPlainString();
    }

    /** An entry as a header line and a table of its lines. */
    static void print(JournalEntry entry) {
        System.out.println(entry.number() + "  " + entry.date() + "  " + entry.description()
                + (entry.sourceModule() == null ? "" : "  [" + entry.sourceModule() + " " + entry.sourceReference() + "]")
                + (entry.reversedBy() == null ? "" : "  (reversed by entry " + entry.reversedBy() + ")"));
        ShellTable table = new ShellTable();
        table.column("#");
        table.column("ACCOUNT");
        table.column("DEBIT").alignRight();
        table.column("CREDIT").alignRight();
        table.column("ORIGINAL");
        table.column("DIMENSIONS");
        for (JournalLine line : entry.lines()) {
            table.addRow().addContent(line.line(), line.account(), amount(line.debit()), amount(line.credit()),
                    line.currency() == null ? "" : line.foreignAmount().toPlainString() + " " + line.currency() + " @ "
                            + line.rate().toPlainString(),
                    (line.department() == null ? "" : "dept " + line.department() + " ")
                            + (line.project() == null ? "" : "project " + line.project()));
        }
        table.addRow().addContent("", "TOTAL " + entry.currency(), entry.total().toPlainString(),
                entry.total().toPlainString(), "", "");
        table.print(System.out);
    }
}
