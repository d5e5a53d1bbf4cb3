package dev.tessera.crm.marketing.internal.command;

import java.util.Locale;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import dev.tessera.crm.marketing.api.ConsentChange;
import dev.tessera.crm.marketing.api.Subscription;

@Service
@Command(scope = "marketing", name = "consent", description = "Shows an address's subscriptions, suppression and the"
        + " history of its consent")
public class ConsentCommand extends MarketingAction {
    @Argument(index = 0, name = "email", required = true, description = "The person's e-mail address")
    String email;

    @Override
    protected Object run() throws Exception {
        String address = email.trim().toLowerCase(Locale.ROOT);
        System.out.println(address + ": " + consent.suppression(address).map(s -> "suppressed ("
                + s.reason().name().toLowerCase(Locale.ROOT).replace('_', '-') + " since " + s.since() + ")")
                .orElse("not suppressed"));
        for (Subscription s : consent.subscriptionsOf(address)) {
            System.out.printf("  %-20s %-12s %s%n", s.list(), s.status().name().toLowerCase(Locale.ROOT),
                    s.changedAt());
        }
        System.out.printf("%-24s %-20s %-22s %-30s %s%n", "AT", "LIST", "CHANGE", "SOURCE", "BY");
        for (ConsentChange c : consent.history(address)) {
            System.out.printf("%-24s %-20s %-22s %-30s %s%n", c.at(), c.list() == null ? "(all)" : c.list(),
                    c.action().name().toLowerCase(Locale.ROOT).replace('_', '-'), c.source() == null ? "-"
                            : c.source(), c.actor());
        }
        return null;
    }
}
