package dev.tessera.erp.manufacturing.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import dev.tessera.erp.manufacturing.api.CostLine;
import dev.tessera.erp.manufacturing.api.CostRollup;

@Service
@Command(scope = "manufacturing", name = "cost",
        description = "Rolls up an item's unit cost through its bills of materials: materials and operations")
public class CostCommand extends ManufacturingAction {
    @Argument(index = 0, name = "sku", required = true, description = "The item made, e.g. GIFT-SET")
    String sku;

    @Option(name = "--date", description = "The day (YYYY-MM-DD) whose bills and costs count (today by default)")
    String date;

    @Override
    protected Object run() throws Exception {
        CostRollup c = boms.cost(sku, date("--date", date));
        ShellTable table = new ShellTable();
        table.column("Level").alignRight();
        table.column("Component or operation");
        table.column("Quantity").alignRight();
        table.column("Unit cost").alignRight();
        table.column("Materials").alignRight();
        table.column("Operations").alignRight();
        table.column("Source");
        for (CostLine l : c.lines()) {
            String what = l.sku() != null ? l.sku() + " (" + name(l.supply()) + ")" : "op at " + l.workCenter();
            table.addRow().addContent(l.level(), "  ".repeat(l.level() - 1) + what,
                    plain(l.quantity()) + (l.sku() == null ? " h" : ""), plain(l.unitCost()), plain(l.materials()),
                    plain(l.operations()), l.source());
        }
        table.print(System.out);
        System.out.println("Unit cost of " + c.sku() + " on " + c.date() + " (revision " + c.bomRevision() + "): "
                + plain(c.unitCost()) + " = materials " + plain(c.materials()) + " + operations "
                + plain(c.operations()));
        if (!c.uncosted().isEmpty()) {
            System.out.println("No cost known for " + String.join(", ", c.uncosted()) + ": counted as 0");
        }
        return null;
    }
}
