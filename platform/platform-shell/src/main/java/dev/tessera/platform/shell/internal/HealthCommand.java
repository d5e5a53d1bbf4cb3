package dev.tessera.platform.shell.internal;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.table.ShellTable;

import dev.tessera.platform.api.HealthReport;
import dev.tessera.platform.api.HealthService;

@Service
@Command(scope = "tessera", name = "health", description = "Checks the framework, record ownership and every enabled module;"
        + " exits non-zero when something is down")
public class HealthCommand extends TesseraAction {

    @Reference
    HealthService health;

    @Override
    protected Object run() throws CommandException {
        HealthReport report = health.report();
        ShellTable table = new ShellTable();
        table.column("CHECK");
        table.column("STATUS");
        table.column("DETAIL").maxSize(120).wrap();
        for (HealthReport.Entry entry : report.entries()) {
            table.addRow().addContent(entry.name(), entry.status().up() ? "UP" : "DOWN", entry.status().detail());
        }
        table.print(System.out);
        if (!report.up()) {
            long down = report.entries().stream().filter(e -> !e.status().up()).count();
            throw new CommandException("Tessera is not healthy: " + down + " check(s) down");
        }
        System.out.println("Tessera is healthy");
        return null;
    }
}
