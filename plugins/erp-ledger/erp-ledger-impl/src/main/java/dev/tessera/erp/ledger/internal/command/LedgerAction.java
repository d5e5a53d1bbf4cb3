package dev.tessera.erp.ledger.internal.command;

import java.math.BigDecimal;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.support.table.ShellTable;

import dev.tessera.erp.ledger.api.JournalEntry;
import dev.tessera.erp.ledger.api.JournalLine;
import dev.tessera.erp.ledger.api.LedgerService;
import dev.tessera.platform.support.console.ConsoleAction;

/** Base of the ledger commands: the ledger service, and entries printed as tables. */
abstract class LedgerAction extends ConsoleAction {
    @Reference
    LedgerService ledger;

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
