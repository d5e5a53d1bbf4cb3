package dev.tessera.crm.pipeline.internal.command;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.support.table.ShellTable;

import dev.tessera.crm.pipeline.api.Accounts;
import dev.tessera.crm.pipeline.api.Deals;
import dev.tessera.crm.pipeline.api.Leads;
import dev.tessera.crm.pipeline.api.Opportunity;
import dev.tessera.crm.pipeline.api.Quote;
import dev.tessera.crm.pipeline.api.QuoteLine;
import dev.tessera.crm.pipeline.api.Quotes;
import dev.tessera.platform.support.console.ConsoleAction;

/** Base of the module's commands: its services and how they print what they show (refusals: ConsoleAction). */
abstract class PipelineAction extends ConsoleAction {
    @Reference
    Accounts accounts;

    @Reference
    Leads leads;

    @Reference
    Deals deals;

    @Reference
    Quotes quotes;

    static String or(Object value) {
        return value == null ? "" : value.toString();
    }

    static void printDeals(List<Opportunity> list) {
        ShellTable table = new ShellTable();
        table.column("Id").alignRight();
        table.column("Account").alignRight();
        table.column("Name");
        table.column("Stage");
        table.column("Prob.").alignRight();
        table.column("Amount").alignRight();
        table.column("Close");
        table.column("Owner");
        table.column("Order / invoice");
        for (Opportunity o : list) {
            table.addRow().addContent(o.id(), o.accountId(), o.name() + (o.stuck() ? " (stuck)" : ""), o.stage(),
                    o.probability() + " %", o.amount().amount().toPlainString() + " " + o.amount().currency(),
                    o.closedOn() != null ? o.closedOn() : o.expectedClose(), or(o.owner()),
                    or(o.orderNumber()) + (o.invoiceNumber() == null ? "" : " / " + o.invoiceNumber() + " "
                            + o.invoiceStatus()));
        }
        table.print(System.out);
    }

    static void printQuote(Quote q) {
        System.out.println("Quote " + q.number() + " revision " + q.revision() + " (id " + q.id() + ") for opportunity "
                + q.opportunityId() + ": " + q.status().name().toLowerCase() + ", valid until " + q.validUntil()
                + (q.stale() ? ", STALE: a catalog price changed since" : ""));
        ShellTable table = new ShellTable();
        table.column("#").alignRight();
        table.column("Item");
        table.column("Qty").alignRight();
        table.column("Unit price").alignRight();
        table.column("Disc. %").alignRight();
        table.column("Net").alignRight();
        table.column("Tax").alignRight();
        table.column("Price");
        table.column("Available").alignRight();
        for (QuoteLine l : q.lines()) {
            table.addRow().addContent(l.line(), (l.sku() == null ? "" : l.sku() + " ") + l.description(),
                    l.quantity().toPlainString(), l.unitPrice().toPlainString(), l.discountPercent().toPlainString(),
                    l.net().toPlainString(), l.tax().toPlainString() + " " + or(l.taxCode()),
                    l.priceSource().name().toLowerCase() + (l.priceList() == null ? "" : " " + l.priceList())
                            + (l.stale() ? " (stale)" : ""),
                    l.available() == null ? "" : l.available().toPlainString());
        }
        table.print(System.out);
        System.out.println("Net " + q.net().toPlainString() + ", tax " + q.tax().toPlainString() + ", gross "
                + q.gross().toPlainString() + " " + q.currency()
                + (q.taxCalculated() ? "" : " (no tax: the ledger is not enabled)")
                + (q.unverifiedPrices() ? "; manual prices are unverified" : ""));
    }
}
