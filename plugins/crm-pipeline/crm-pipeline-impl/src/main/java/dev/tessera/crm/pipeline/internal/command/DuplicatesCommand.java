package dev.tessera.crm.pipeline.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import dev.tessera.crm.pipeline.api.DuplicatePair;
import dev.tessera.crm.pipeline.api.Lead;

@Service
@Command(scope = "pipeline", name = "duplicates", description = "Lists open leads suspected to be the same person (merge with pipeline:merge)")
public class DuplicatesCommand extends PipelineAction {
    @Override
    protected Object run() {
        List<DuplicatePair> pairs = leads.duplicates();
        ShellTable table = new ShellTable();
        table.column("Keep").alignRight();
        table.column("Lead");
        table.column("Duplicate").alignRight();
        table.column("Lead");
        table.column("Same");
        for (DuplicatePair p : pairs) {
            table.addRow().addContent(p.keep().id(), describe(p.keep()), p.duplicate().id(), describe(p.duplicate()),
                    String.join(", ", p.matches().stream().map(m -> m.name().toLowerCase()).sorted().toList()));
        }
        table.print(System.out);
        System.out.println(pairs.size() + " suspected pair(s)" + (pairs.isEmpty() ? "" : "; pipeline:merge <keep> <duplicate>"));
        return null;
    }

    private static String describe(Lead l) {
        return l.name() + (l.email() == null ? "" : " <" + l.email() + ">") + (l.company() == null ? "" : ", " + l.company());
    }
}
