package dev.tessera.platform.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.table.ShellTable;

import dev.tessera.platform.api.persistence.MigrationStatus;
import dev.tessera.platform.api.persistence.SchemaMigrations;

@Service
@Command(scope = "tessera", name = "migrations", description = "Shows each module's schema: applied version, pending change sets, last error")
public class MigrationsCommand extends TesseraAction {

    @Reference(optional = true)
    SchemaMigrations migrations;

    @Override
    protected Object run() throws CommandException {
        var migrations = available(this.migrations, "The schema migrations");
        ShellTable table = new ShellTable();
        table.column("MODULE");
        table.column("APPLIED VERSION");
        table.column("APPLIED");
        table.column("PENDING");
        table.column("CHECKED");
        table.column("LAST ERROR").maxSize(100).wrap();
        for (MigrationStatus s : migrations.status()) {
            table.addRow().addContent(s.moduleId(), s.appliedVersion(), s.applied(), s.pending(),
                    Formats.time(s.checkedAt()), s.lastError());
        }
        table.print(System.out);
        return null;
    }
}
