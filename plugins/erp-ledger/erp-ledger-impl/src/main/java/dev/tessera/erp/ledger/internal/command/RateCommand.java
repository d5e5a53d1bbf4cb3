package dev.tessera.erp.ledger.internal.command;

import java.math.BigDecimal;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import dev.tessera.erp.ledger.api.ExchangeRate;

@Service
@Command(scope = "ledger", name = "rate", description = "Records an exchange rate: base currency per unit, from a date on")
public class RateCommand extends LedgerAction {
    @Argument(index = 0, name = "currency", required = true, description = "ISO code, e.g. USD")
    String currency;

    @Argument(index = 1, name = "date", required = true, description = "First day it applies, YYYY-MM-DD")
    String date;

    @Argument(index = 2, name = "rate", required = true, description = "Base currency units per unit, e.g. 0.92")
    String rate;

    @Override
    protected Object run() throws CommandException {
        BigDecimal value;
        try {
            value = new BigDecimal(rate);
        } catch (NumberFormatException e) {
            throw new CommandException("rate must be a number such as 0.92, not '" + rate + "'");
        }
        ExchangeRate saved = ledger.setRate(currency, date("date", date), value, user());
        System.out.println("1 " + saved.currency() + " = " + saved.rate().toPlainString() + " " + ledger.baseCurrency()
                + " from " + saved.date());
        return null;
    }
}
