package dev.tessera.crm.pipeline.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import dev.tessera.crm.pipeline.api.NewLead;
import dev.tessera.crm.pipeline.internal.LeadsCsv;

@Service
@Command(scope = "pipeline", name = "lead-import", description = "Imports leads from CSV (name,email,company,website,phone,source,owner,notes): all or none")
public class LeadImportCommand extends PipelineAction {
    @Argument(index = 0, name = "file", required = true, description = "Path of the CSV file")
    String file;

    @Override
    protected Object run() throws CommandException {
        String text = read(file);
        List<NewLead> rows = LeadsCsv.parse(text);
        System.out.println("Checking " + rows.size() + " rows...");
        int written = leads.importLeads(rows, n -> System.out.println("  " + n + " of " + rows.size() + " written"),
                user());
        System.out.println("Imported " + written + " leads; pipeline:duplicates shows any that look alike");
        return null;
    }
}
