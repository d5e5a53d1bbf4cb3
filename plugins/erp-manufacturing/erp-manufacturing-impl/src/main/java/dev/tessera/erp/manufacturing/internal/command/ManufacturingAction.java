package dev.tessera.erp.manufacturing.internal.command;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.table.ShellTable;

import dev.tessera.erp.manufacturing.api.Bom;
import dev.tessera.erp.manufacturing.api.BomComponent;
import dev.tessera.erp.manufacturing.api.BomOperation;
import dev.tessera.erp.manufacturing.api.Boms;
import dev.tessera.erp.manufacturing.api.ManufacturingErrors;
import dev.tessera.erp.manufacturing.api.Mrp;
import dev.tessera.erp.manufacturing.api.MrpMessage;
import dev.tessera.erp.manufacturing.api.MrpRun;
import dev.tessera.erp.manufacturing.api.PlannedOrder;
import dev.tessera.erp.manufacturing.api.WorkCenter;
import dev.tessera.erp.manufacturing.api.WorkCenters;
import dev.tessera.erp.manufacturing.api.WorkOrder;
import dev.tessera.erp.manufacturing.api.WorkOrderComponent;
import dev.tessera.erp.manufacturing.api.WorkOrderOperation;
import dev.tessera.erp.manufacturing.api.WorkOrders;
import dev.tessera.platform.api.Page;
import dev.tessera.platform.api.TesseraException;
import dev.tessera.platform.support.console.ConsoleAction;

/** Base of the module's commands: its services and how they print work centers and bills of materials. */
abstract class ManufacturingAction extends ConsoleAction {
    @Reference
    WorkCenters centers;

    @Reference
    Boms boms;

    @Reference
    WorkOrders orders;

    @Reference
    Mrp mrp;

    /** A work order by its number (e.g. WO-2026-000001) or id. */
    WorkOrder order(String key) throws CommandException {
        String k = key.trim();
        return (k.matches("\\d{1,18}") ? orders.workOrder(Long.parseLong(k)) : orders.workOrderByNumber(k))
                .orElseThrow(() -> new TesseraException(ManufacturingErrors.WORK_ORDER_NOT_FOUND, "No work order "
                        + key + " (manufacturing:work-orders lists them)"));
    }

    /** A --limit as the REST API takes it: 1 to 1000. */
    static int limit(int limit) throws CommandException {
        if (limit < 1 || limit > Page.MAX_LIMIT) {
            throw new CommandException("--limit is a whole number from 1 to " + Page.MAX_LIMIT + ", not " + limit
                    + " [manufacturing.invalid]");
        }
        return limit;
    }

    static void printRuns(List<MrpRun> list) {
        ShellTable table = new ShellTable();
        table.column("Run").alignRight();
        table.column("Status");
        table.column("Items").alignRight();
        table.column("Planned").alignRight();
        table.column("Make").alignRight();
        table.column("Buy").alignRight();
        table.column("Started");
        table.column("By");
        table.column("Note");
        for (MrpRun r : list) {
            table.addRow().addContent(r.id(), name(r.status()), r.items(), r.itemsPlanned(), r.plannedMake(),
                    r.plannedBuy(), r.startedAt(), r.startedBy(), r.note() == null ? "" : r.note());
        }
        table.print(System.out);
    }

    static void printMessages(List<MrpMessage> list) {
        ShellTable table = new ShellTable();
        table.column("Kind");
        table.column("Item");
        table.column("Order");
        table.column("Quantity").alignRight();
        table.column("Due");
        table.column("Needed");
        table.column("What");
        for (MrpMessage m : list) {
            table.addRow().addContent(name(m.kind()), m.sku(), m.reference() == null ? "" : m.reference(),
                    plain(m.quantity()), m.dueDate() == null ? "" : m.dueDate(),
                    m.neededDate() == null ? "" : m.neededDate(), m.text() == null ? "" : m.text());
        }
        table.print(System.out);
    }

    static void printPlanned(List<PlannedOrder> list) {
        ShellTable table = new ShellTable();
        table.column("Id").alignRight();
        table.column("Kind");
        table.column("Item");
        table.column("Quantity").alignRight();
        table.column("Start");
        table.column("Due");
        table.column("Warehouse");
        table.column("Level").alignRight();
        table.column("Vendor");
        table.column("Status");
        table.column("Firmed as");
        table.column("For");
        table.column("Note");
        for (PlannedOrder o : list) {
            table.addRow().addContent(o.id(), name(o.kind()), o.sku(), plain(o.quantity()), o.startDate(),
                    o.dueDate(), o.warehouse() == null ? "" : o.warehouse(), o.lowLevelCode(),
                    o.vendorCode() == null ? "" : o.vendorCode(), name(o.status()),
                    o.firmedAs() == null ? "" : o.firmedAs(), o.pegging() == null ? "" : o.pegging(),
                    o.note() == null ? "" : o.note());
        }
        table.print(System.out);
    }

    static void printOrders(List<WorkOrder> list) {
        ShellTable table = new ShellTable();
        table.column("Id").alignRight();
        table.column("Number");
        table.column("Item");
        table.column("Quantity").alignRight();
        table.column("Finished").alignRight();
        table.column("Warehouse");
        table.column("Status");
        table.column("Due");
        table.column("Unit cost").alignRight();
        for (WorkOrder o : list) {
            table.addRow().addContent(o.id(), o.number(), o.sku(), plain(o.quantity()), plain(o.completed()),
                    o.warehouse(), name(o.status()), o.dueDate() == null ? "" : o.dueDate(),
                    plain(o.standardMaterials().add(o.standardOperations())));
        }
        table.print(System.out);
    }

    static void printOrder(WorkOrder o) {
        System.out.println("Work order " + o.number() + " (id " + o.id() + "): " + plain(o.quantity()) + " " + o.sku()
                + " in " + o.warehouse() + " from bill revision " + o.bomRevision() + ", " + name(o.status())
                + (o.dueDate() == null ? "" : ", due " + o.dueDate()) + ", " + plain(o.completed()) + " finished; by "
                + o.createdBy() + (o.releasedBy() == null ? "" : ", released by " + o.releasedBy())
                + (o.closedBy() == null ? "" : ", closed by " + o.closedBy()));
        System.out.println("  standard unit cost " + plain(o.standardMaterials().add(o.standardOperations()))
                + " (materials " + plain(o.standardMaterials()) + ", operations " + plain(o.standardOperations())
                + "); actual so far: materials " + plain(o.actualMaterials()) + ", operations "
                + plain(o.actualOperations()) + (o.materialsVariance() == null ? "" : "; variances: materials "
                + plain(o.materialsVariance()) + ", operations " + plain(o.operationsVariance())));
        if (o.note() != null) {
            System.out.println("  " + o.note());
        }
        ShellTable table = new ShellTable();
        table.column("#").alignRight();
        table.column("Component");
        table.column("Required").alignRight();
        table.column("Issued").alignRight();
        table.column("Scrap").alignRight();
        table.column("Value").alignRight();
        for (WorkOrderComponent c : o.components()) {
            table.addRow().addContent(c.line(), c.sku(), plain(c.required()), plain(c.issued()), plain(c.scrapped()),
                    plain(c.issuedValue()));
        }
        table.print(System.out);
        if (!o.operations().isEmpty()) {
            ShellTable ops = new ShellTable();
            ops.column("Seq").alignRight();
            ops.column("Work center");
            ops.column("Description");
            ops.column("Planned h").alignRight();
            ops.column("Actual h").alignRight();
            ops.column("Cost").alignRight();
            for (WorkOrderOperation op : o.operations()) {
                ops.addRow().addContent(op.sequence(), op.workCenter(), op.description() == null ? ""
                        : op.description(), plain(op.plannedHours()), plain(op.actualHours()),
                        plain(op.actualCost()));
            }
            ops.print(System.out);
        }
    }

    static String plain(BigDecimal value) {
        if (value == null) {
            return "";
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    static String name(Enum<?> value) {
        return value == null ? "" : value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    static void printCenters(List<WorkCenter> list) {
        ShellTable table = new ShellTable();
        table.column("Code");
        table.column("Name");
        table.column("Per hour").alignRight();
        table.column("Per batch").alignRight();
        table.column("Hours a day").alignRight();
        table.column("Active");
        for (WorkCenter w : list) {
            table.addRow().addContent(w.code(), w.name(), plain(w.costPerHour()), plain(w.costPerBatch()),
                    plain(w.hoursPerDay()), w.active() ? "yes" : "no");
        }
        table.print(System.out);
    }

    static void printBoms(List<Bom> list) {
        ShellTable table = new ShellTable();
        table.column("Id").alignRight();
        table.column("Item");
        table.column("Rev").alignRight();
        table.column("In force from");
        table.column("Makes").alignRight();
        table.column("Phantom");
        table.column("Components").alignRight();
        table.column("Operations").alignRight();
        table.column("By");
        for (Bom b : list) {
            table.addRow().addContent(b.id(), b.sku(), b.revision(), b.effectiveFrom(), plain(b.outputQuantity()),
                    b.phantom() ? "yes" : "", b.components().size(), b.operations().size(), b.createdBy());
        }
        table.print(System.out);
    }

    static void printBom(Bom b) {
        System.out.println("Bill of materials of " + b.sku() + ", revision " + b.revision() + " (id " + b.id()
                + "), in force from " + b.effectiveFrom() + ": a batch makes " + plain(b.outputQuantity())
                + (b.phantom() ? "; phantom (explodes into its parent)" : "") + "; by " + b.createdBy());
        if (b.note() != null) {
            System.out.println("  " + b.note());
        }
        ShellTable table = new ShellTable();
        table.column("#").alignRight();
        table.column("Component");
        table.column("Quantity").alignRight();
        table.column("Scrap %").alignRight();
        table.column("Gross").alignRight();
        for (BomComponent c : b.components()) {
            table.addRow().addContent(c.line(), c.sku(), plain(c.quantity()), plain(c.scrapPercent()),
                    plain(c.grossQuantity()));
        }
        table.print(System.out);
        if (!b.operations().isEmpty()) {
            ShellTable ops = new ShellTable();
            ops.column("Seq").alignRight();
            ops.column("Work center");
            ops.column("Description");
            ops.column("Setup h").alignRight();
            ops.column("Run h a unit").alignRight();
            ops.column("Fixed a batch").alignRight();
            for (BomOperation o : b.operations()) {
                ops.addRow().addContent(o.sequence(), o.workCenter(), o.description() == null ? "" : o.description(),
                        plain(o.setupHours()), plain(o.runHoursPerUnit()), plain(o.fixedCost()));
            }
            ops.print(System.out);
        }
    }
}
