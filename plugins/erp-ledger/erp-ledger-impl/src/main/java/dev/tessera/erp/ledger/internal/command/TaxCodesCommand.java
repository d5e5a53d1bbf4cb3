package dev.tessera.erp.ledger.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import dev.tessera.erp.ledger.api.TaxCode;
import dev.tessera.erp.ledger.api.TaxService;

@Service
@Command(scope = "ledger", name = "tax-codes", description = "Lists the tax codes quotes and invoices use")
public class TaxCodesCommand extends LedgerAction {
    @Reference
    TaxService tax;

    @Override
    protected Object run() {
        ShellTable table = new ShellTable();
        table.column("CODE");
        table.column("NAME");
        table.column("RATE %").alignRight();
        table.column("PRICES");
        table.column("ROUNDING");
        table.column("PAYABLE");
        table.column("RECEIVABLE");
        for (TaxCode c : tax.taxCodes()) {
            table.addRow().addContent(c.code(), c.name(), c.rate().toPlainString(), c.inclusive() ? "gross" : "net",
                    c.rounding().name().toLowerCase(java.util.Locale.ROOT), c.payableAccount(), c.receivableAccount());
        }
        table.print(System.out);
        return null;
    }
}
