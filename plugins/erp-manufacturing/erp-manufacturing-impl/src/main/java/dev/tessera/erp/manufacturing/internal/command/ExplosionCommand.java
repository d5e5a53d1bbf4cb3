package dev.tessera.erp.manufacturing.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import dev.tessera.erp.manufacturing.api.Explosion;
import dev.tessera.erp.manufacturing.api.ExplosionLine;
import dev.tessera.erp.manufacturing.api.Requirement;

@Service
@Command(scope = "manufacturing", name = "explosion",
        description = "Explodes an item's bill of materials through every level: what a quantity of it needs")
public class ExplosionCommand extends ManufacturingAction {
    @Argument(index = 0, name = "sku", required = true, description = "The item made, e.g. GIFT-SET")
    String sku;

    @Option(name = "--quantity", description = "How many to make (1 by default)")
    String quantity;

    @Option(name = "--date", description = "The day (YYYY-MM-DD) whose bills are in force (today by default)")
    String date;

    @Override
    protected Object run() throws Exception {
        Explosion e = boms.explode(sku, number("--quantity", quantity), date("--date", date));
        System.out.println(plain(e.quantity()) + " " + e.sku() + " on " + e.date() + " (revision " + e.bomRevision()
                + "):");
        ShellTable table = new ShellTable();
        table.column("Level").alignRight();
        table.column("Component");
        table.column("Quantity").alignRight();
        table.column("Supply");
        table.column("Rev").alignRight();
        for (ExplosionLine l : e.lines()) {
            table.addRow().addContent(l.level(), "  ".repeat(l.level() - 1) + l.sku(), plain(l.quantity()),
                    name(l.supply()), l.bomRevision() == null ? "" : l.bomRevision());
        }
        table.print(System.out);
        System.out.println("Bought items needed in all (with scrap / without):");
        ShellTable needs = new ShellTable();
        needs.column("Item");
        needs.column("Quantity").alignRight();
        needs.column("Net").alignRight();
        for (Requirement r : e.requirements()) {
            needs.addRow().addContent(r.sku(), plain(r.quantity()), plain(r.netQuantity()));
        }
        needs.print(System.out);
        return null;
    }
}
