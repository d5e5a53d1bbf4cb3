package dev.tessera.platform.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import dev.tessera.platform.api.Ownership;
import dev.tessera.platform.api.OwnershipConflict;
import dev.tessera.platform.api.OwnershipRegistry;

@Service
@Command(scope = "tessera", name = "ownership", description = "Shows which module owns each record type, as it is now")
public class OwnershipCommand extends TesseraAction {

    @Reference
    OwnershipRegistry ownership;

    @Override
    protected Object run() {
        ShellTable table = new ShellTable();
        table.column("RECORD TYPE");
        table.column("OWNER");
        for (Ownership row : ownership.table()) {
            table.addRow().addContent(row.recordType().name(), row.ownerModule());
        }
        table.print(System.out);
        for (OwnershipConflict conflict : ownership.conflicts()) {
            System.out.println("CONFLICT: " + conflict.message());
        }
        return null;
    }
}
