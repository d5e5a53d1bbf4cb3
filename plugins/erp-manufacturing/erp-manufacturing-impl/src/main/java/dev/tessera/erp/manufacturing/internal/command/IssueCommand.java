package dev.tessera.erp.manufacturing.internal.command;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import dev.tessera.erp.manufacturing.api.IssueLine;
import dev.tessera.erp.manufacturing.api.WorkOrder;

@Service
@Command(scope = "manufacturing", name = "issue",
        description = "Issues components to a work order from its reservations; without lines, everything still due")
public class IssueCommand extends ManufacturingAction {
    static final String LINE = "'<qty> <sku> [lot <lot>] [scrap]', e.g. '2 CARD-SHEET scrap'";
    private static final Pattern ISSUE = Pattern.compile("\\s*(\\S+)\\s+(\\S+)(?:\\s+lot\\s+(\\S+))?(\\s+scrap)?\\s*");

    @Argument(index = 0, name = "number", required = true, description = "The order's number, e.g. WO-2026-000001")
    @Completion(WorkOrderCompleter.class)
    String number;

    @Argument(index = 1, name = "lines", multiValued = true,
            description = "What to issue, one argument each: " + LINE + "; none: everything still due")
    List<String> lines;

    @Override
    protected Object run() throws Exception {
        List<IssueLine> issues = new ArrayList<>();
        if (lines != null) {
            for (String l : lines) {
                issues.add(line(l));
            }
        }
        WorkOrder o = orders.issue(order(number).id(), issues, user());
        printOrder(o);
        return null;
    }

    static IssueLine line(String text) throws CommandException {
        Matcher m = ISSUE.matcher(text);
        if (!m.matches()) {
            throw new CommandException("'" + text + "' is not an issue: write " + LINE + " [manufacturing.invalid]");
        }
        return new IssueLine(m.group(2), number("the quantity of '" + text + "'", m.group(1)), m.group(3),
                m.group(4) != null);
    }
}
