package dev.tessera.erp.ledger.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import dev.tessera.erp.ledger.api.FiscalPeriod;

@Service
@Command(scope = "ledger", name = "close-period", description = "Closes a period: it takes no postings until reopened")
public class ClosePeriodCommand extends LedgerAction {
    @Argument(index = 0, name = "period", required = true, description = "yyyy-mm, e.g. 2026-03")
    String period;

    @Override
    protected Object run() {
        FiscalPeriod result = ledger.closePeriod(period, user());
        System.out.println("Period " + result.id() + " is " + result.state().name().toLowerCase(java.util.Locale.ROOT));
        return null;
    }
}
