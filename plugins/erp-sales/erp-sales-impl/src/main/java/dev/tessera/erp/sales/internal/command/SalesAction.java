package dev.tessera.erp.sales.internal.command;

import java.math.BigDecimal;
import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.support.table.ShellTable;

import dev.tessera.erp.sales.api.Billing;
import dev.tessera.erp.sales.api.Customers;
import dev.tessera.erp.sales.api.Invoice;
import dev.tessera.erp.sales.api.InvoiceLine;
import dev.tessera.erp.sales.api.OrderLine;
import dev.tessera.erp.sales.api.Orders;
import dev.tessera.erp.sales.api.SalesOrder;
import dev.tessera.platform.support.console.ConsoleAction;

/** Base of the module's commands: its services and how they print what they show (refusals: ConsoleAction). */
abstract class SalesAction extends ConsoleAction {
    @Reference
    Customers customers;

    @Reference
    Orders orders;

    @Reference
    Billing billing;

    static String or(Object value) {
        return value == null ? "" : value.toString();
    }

    static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    static void printOrders(List<SalesOrder> list) {
        ShellTable table = new ShellTable();
        table.column("Id").alignRight();
        table.column("Number");
        table.column("Customer");
        table.column("Status");
        table.column("Gross").alignRight();
        table.column("Date");
        table.column("Quote");
        for (SalesOrder o : list) {
            table.addRow().addContent(o.id(), o.number(), o.customerName() == null ? "account " + o.accountId()
                    : o.customerName(), o.status().name().toLowerCase().replace('_', ' '),
                    o.gross().toPlainString() + " " + o.currency(), o.orderDate(), or(o.quoteNumber()));
        }
        table.print(System.out);
    }

    static void printOrder(SalesOrder o) {
        System.out.println("Order " + o.number() + " (id " + o.id() + ") for " + (o.customerName() == null
                ? "account " + o.accountId() : o.customerName()) + ": " + o.status().name().toLowerCase()
                .replace('_', ' ') + (o.quoteNumber() == null ? "" : ", from quote " + o.quoteNumber()));
        if (o.note() != null) {
            System.out.println("  " + o.note());
        }
        ShellTable table = new ShellTable();
        table.column("#").alignRight();
        table.column("Item");
        table.column("Qty").alignRight();
        table.column("Unit price").alignRight();
        table.column("Net").alignRight();
        table.column("Tax").alignRight();
        table.column("Reserved");
        table.column("Shipped").alignRight();
        table.column("Invoiced").alignRight();
        for (OrderLine l : o.lines()) {
            table.addRow().addContent(l.line(), (l.sku() == null ? "" : l.sku() + " ") + l.description()
                    + (l.contractMonths() == null ? "" : " (" + l.contractMonths() + " months)"), plain(l.quantity()),
                    plain(l.unitPrice()), l.net().toPlainString(), l.tax().toPlainString() + " " + or(l.taxCode()),
                    l.reservationId() == null ? (l.stocked() ? "no" : "service") : l.warehouse() + " #" + l.reservationId(),
                    plain(l.shipped()), plain(l.invoiced()));
        }
        table.print(System.out);
        System.out.println("Net " + o.net().toPlainString() + ", tax " + o.tax().toPlainString() + ", gross "
                + o.gross().toPlainString() + " " + o.currency());
    }

    static void printInvoice(Invoice i) {
        System.out.println((i.kind().name().equals("INVOICE") ? "Invoice " : "Credit note ") + i.number() + " (id "
                + i.id() + ") for " + (i.customerName() == null ? "account " + i.accountId() : i.customerName())
                + (i.orderNumber() == null ? "" : ", order " + i.orderNumber()) + ": issued " + i.issueDate() + ", due "
                + i.dueDate() + ", " + i.status().name().toLowerCase().replace('_', ' ') + (i.overdue() ? ", OVERDUE" : ""));
        ShellTable table = new ShellTable();
        table.column("#").alignRight();
        table.column("Item");
        table.column("Qty").alignRight();
        table.column("Net").alignRight();
        table.column("Tax").alignRight();
        table.column("Gross").alignRight();
        for (InvoiceLine l : i.lines()) {
            table.addRow().addContent(l.line(), (l.sku() == null ? "" : l.sku() + " ") + l.description(),
                    plain(l.quantity()), l.net().toPlainString(), l.tax().toPlainString() + " " + or(l.taxCode()),
                    l.gross().toPlainString());
        }
        table.print(System.out);
        System.out.println("Net " + i.net().toPlainString() + ", tax " + i.tax().toPlainString() + ", gross "
                + i.gross().toPlainString() + " " + i.currency() + "; paid " + i.paid().toPlainString() + ", open "
                + i.open().toPlainString());
    }
}
