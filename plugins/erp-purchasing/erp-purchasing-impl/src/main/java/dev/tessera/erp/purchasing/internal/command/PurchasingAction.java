package dev.tessera.erp.purchasing.internal.command;

import java.math.BigDecimal;
import java.security.AccessController;
import java.security.Principal;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import javax.security.auth.Subject;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.support.table.ShellTable;

import dev.tessera.erp.purchasing.api.BillStatus;
import dev.tessera.erp.purchasing.api.GoodsReceipt;
import dev.tessera.erp.purchasing.api.GoodsReceipts;
import dev.tessera.erp.purchasing.api.PurchaseOrder;
import dev.tessera.erp.purchasing.api.PurchaseOrderLine;
import dev.tessera.erp.purchasing.api.PurchaseOrderStatus;
import dev.tessera.erp.purchasing.api.PurchaseOrders;
import dev.tessera.erp.purchasing.api.ReceivedLine;
import dev.tessera.erp.purchasing.api.Vendor;
import dev.tessera.erp.purchasing.api.VendorBill;
import dev.tessera.erp.purchasing.api.VendorBillLine;
import dev.tessera.erp.purchasing.api.VendorBills;
import dev.tessera.erp.purchasing.api.VendorPayments;
import dev.tessera.erp.purchasing.api.Vendors;
import dev.tessera.platform.support.console.ConsoleAction;

/** Base of the module's commands: its services, how they find vendors and orders, how they print them. */
abstract class PurchasingAction extends ConsoleAction {
    @Reference
    Vendors vendors;

    @Reference
    PurchaseOrders orders;

    @Reference
    GoodsReceipts receipts;

    @Reference
    VendorBills bills;

    @Reference
    VendorPayments payments;

    /** A bill by its number (e.g. BILL-2026-000001) or id. */
    VendorBill bill(String key) throws CommandException {
        String k = key.trim();
        return (k.matches("\\d{1,18}") ? bills.bill(Long.parseLong(k)) : bills.billByNumber(k))
                .orElseThrow(() -> new CommandException("No vendor bill " + key + " (purchasing:bills lists them)"));
    }

    static BillStatus billStatus(String value) throws CommandException {
        try {
            return BillStatus.valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new CommandException("--status is one of held, open, partially-paid, paid, cancelled; not '"
                    + value + "'");
        }
    }

    static void printBills(List<VendorBill> list) {
        ShellTable table = new ShellTable();
        table.column("Number");
        table.column("Vendor");
        table.column("Their ref");
        table.column("Order");
        table.column("Status");
        table.column("Date");
        table.column("Due");
        table.column("Gross").alignRight();
        table.column("Open").alignRight();
        for (VendorBill b : list) {
            table.addRow().addContent(b.number(), b.vendorCode(), b.vendorReference(), b.orderNumber(),
                    b.status().name().toLowerCase(Locale.ROOT).replace('_', ' '), b.billDate(), b.dueDate(),
                    b.gross().toPlainString() + " " + b.currency(), b.open().toPlainString());
        }
        table.print(System.out);
    }

    static void printBill(VendorBill b) {
        System.out.println("Bill " + b.number() + " (id " + b.id() + ") from " + b.vendorCode() + " " + b.vendorName()
                + ", their " + b.vendorReference() + ", for order " + b.orderNumber() + ": "
                + b.status().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ", dated " + b.billDate() + ", due "
                + b.dueDate() + ", entered by " + b.createdBy());
        System.out.println("  net " + b.net().toPlainString() + ", tax " + b.tax().toPlainString() + ", gross "
                + b.gross().toPlainString() + " " + b.currency() + "; paid " + b.paid().toPlainString() + ", open "
                + b.open().toPlainString() + (b.status() == BillStatus.HELD ? " (held: nothing is payable until it is"
                + " released, purchasing:bill-release)" : ""));
        if (b.releasedBy() != null) {
            System.out.println("  released by " + b.releasedBy() + ": " + b.releaseNote());
        }
        if (b.note() != null) {
            System.out.println("  note: " + b.note());
        }
        for (VendorBillLine l : b.lines()) {
            System.out.println("  line " + l.line() + " (order line " + l.orderLine() + "): " + plain(l.quantity())
                    + " " + (l.sku() == null ? l.description() : l.sku()) + " at " + plain(l.unitPrice())
                    + " (ordered at " + plain(l.orderPrice()) + "), net " + l.net().toPlainString()
                    + (l.matched() ? ", matched" : ", HELD: " + l.holdReason())
                    + (l.priceVariance() == null || !l.stocked() ? "" : "; to stock "
                    + l.stockRevaluation().toPlainString() + ", variance " + l.priceVariance().toPlainString()));
        }
    }

    /** A vendor by its code (any case) or id. */
    Vendor vendor(String key) throws CommandException {
        String k = key.trim();
        return (k.matches("\\d{1,18}") ? vendors.vendor(Long.parseLong(k)) : vendors.vendorByCode(k))
                .orElseThrow(() -> new CommandException("No vendor " + key + " (purchasing:vendors lists them)"));
    }

    /** An order by its number (e.g. PO-2026-000001) or id. */
    PurchaseOrder order(String key) throws CommandException {
        String k = key.trim();
        return (k.matches("\\d{1,18}") ? orders.order(Long.parseLong(k)) : orders.orderByNumber(k))
                .orElseThrow(() -> new CommandException("No purchase order " + key + " (purchasing:orders lists them)"));
    }

    /** The roles the console user logged in with. */
    @SuppressWarnings("removal")
    static Set<String> roles() {
        Set<String> roles = new TreeSet<>();
        Subject subject = Subject.getSubject(AccessController.getContext());
        if (subject != null) {
            for (Principal p : subject.getPrincipals()) {
                if (p.getClass().getSimpleName().equals("RolePrincipal")) {
                    roles.add(p.getName());
                }
            }
        }
        return roles;
    }

    static PurchaseOrderStatus status(String value) throws CommandException {
        try {
            return PurchaseOrderStatus.valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new CommandException("--status is one of draft, approved, sent, partially-received, received,"
                    + " billed, closed, cancelled; not '" + value + "'");
        }
    }

    static String or(Object value) {
        return value == null ? "" : value.toString();
    }

    static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    static String name(PurchaseOrderStatus status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    static void printVendors(List<Vendor> list) {
        ShellTable table = new ShellTable();
        table.column("Id").alignRight();
        table.column("Code");
        table.column("Name");
        table.column("Currency");
        table.column("Terms").alignRight();
        table.column("Lead time").alignRight();
        table.column("Contact");
        table.column("Active");
        for (Vendor v : list) {
            table.addRow().addContent(v.id(), v.code(), v.name(), v.currency(), v.paymentTermsDays() + " d",
                    v.leadTimeDays() + " d", or(v.contactName()) + (v.contactEmail() == null ? ""
                            : " <" + v.contactEmail() + ">"), v.active() ? "yes" : "no");
        }
        table.print(System.out);
    }

    static void printOrders(List<PurchaseOrder> list) {
        ShellTable table = new ShellTable();
        table.column("Id").alignRight();
        table.column("Number");
        table.column("Rev").alignRight();
        table.column("Vendor");
        table.column("Status");
        table.column("Net").alignRight();
        table.column("Date");
        for (PurchaseOrder o : list) {
            table.addRow().addContent(o.id(), o.number(), o.revision(), o.vendorCode(), name(o.status()),
                    o.net().toPlainString() + " " + o.currency(), o.orderDate());
        }
        table.print(System.out);
    }

    static void printOrder(PurchaseOrder o) {
        System.out.println("Order " + o.number() + " (id " + o.id() + ", revision " + o.revision() + ") to "
                + o.vendorCode() + " " + o.vendorName() + ": " + name(o.status()) + ", dated " + o.orderDate()
                + ", by " + o.createdBy() + (o.revisedBy() == null ? "" : ", revised by " + o.revisedBy())
                + (o.approvedBy() == null ? "" : ", approved by " + o.approvedBy() + " at " + o.approvedAt()));
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
        table.column("Expected");
        table.column("Warehouse");
        table.column("Received").alignRight();
        for (PurchaseOrderLine l : o.lines()) {
            table.addRow().addContent(l.line(), (l.sku() == null ? "" : l.sku() + " ") + l.description(),
                    plain(l.quantity()), plain(l.unitPrice()) + (l.priceAgreementId() == null ? "" : " (agreed)"),
                    l.net().toPlainString(), l.tax().toPlainString() + " " + or(l.taxCode()), l.expectedDate(),
                    l.sku() == null ? "non-stock" : or(l.warehouse()), plain(l.received()));
        }
        table.print(System.out);
        System.out.println("Net " + o.net().toPlainString() + ", tax " + o.tax().toPlainString() + ", gross "
                + o.gross().toPlainString() + " " + o.currency());
    }

    static void printReceipt(GoodsReceipt r) {
        System.out.println("Receipt " + r.id() + " of order " + r.orderNumber() + " on " + r.receivedOn() + " by "
                + r.receivedBy() + ": " + r.value().toPlainString() + " " + r.currency());
        for (ReceivedLine l : r.lines()) {
            System.out.println("  line " + l.line() + ": " + plain(l.quantity()) + " "
                    + (l.sku() == null ? l.description() : l.sku()) + " at " + plain(l.unitPrice())
                    + (l.stockMoveId() == null ? ", non-stock" : " into " + l.warehouse()
                    + (l.location() == null ? "" : "/" + l.location()) + (l.lot() == null ? "" : " lot " + l.lot())
                    + ", stock move " + l.stockMoveId()));
        }
    }
}
