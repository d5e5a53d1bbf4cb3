package dev.tessera.crm.pipeline.internal.command;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.table.ShellTable;

import dev.tessera.crm.pipeline.api.Forecast;

@Service
@Command(scope = "pipeline", name = "forecast", description = "The pipeline by month and owner: best case, weighted, commit, closed; won and lost by source")
public class ForecastCommand extends PipelineAction {
    @Argument(index = 0, name = "from", description = "First month, YYYY-MM (this month by default)")
    String from;

    @Argument(index = 1, name = "to", description = "Last month, YYYY-MM (twelve months on by default)")
    String to;

    @Override
    protected Object run() throws CommandException {
        Forecast f = deals.forecast(month(from) == null ? null : month(from).atDay(1),
                month(to) == null ? null : month(to).atEndOfMonth());
        ShellTable table = new ShellTable();
        table.column("Month");
        table.column("Owner");
        table.column("Open").alignRight();
        table.column("Best case").alignRight();
        table.column("Weighted").alignRight();
        table.column("Commit").alignRight();
        table.column("Closed won").alignRight();
        for (Forecast.Row r : f.rows()) {
            row(table, r.month(), r.owner(), r);
        }
        row(table, "total", "", f.total());
        table.print(System.out);
        System.out.println("Amounts in " + f.currency());
        ShellTable sources = new ShellTable();
        sources.column("Source");
        sources.column("Won").alignRight();
        sources.column("Lost").alignRight();
        sources.column("Won amount").alignRight();
        for (Forecast.SourceRow s : f.bySource()) {
            sources.addRow().addContent(s.source(), s.won(), s.lost(), s.wonAmount().toPlainString());
        }
        sources.print(System.out);
        return null;
    }

    private static void row(ShellTable table, String month, String owner, Forecast.Row r) {
        table.addRow().addContent(month, owner, r.openDeals(), r.pipeline().toPlainString(),
                r.weighted().toPlainString(), r.commit().toPlainString(), r.closed().toPlainString());
    }

    private static YearMonth month(String value) throws CommandException {
        if (value == null) {
            return null;
        }
        try {
            return YearMonth.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new CommandException("a month is YYYY-MM, not '" + value + "'");
        }
    }
}
