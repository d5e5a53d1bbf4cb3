package dev.tessera.crm.marketing.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import dev.tessera.crm.marketing.api.Suppression;

@Service
@Command(scope = "marketing", name = "opt-out", description = "Opts an address out of all marketing mail: every"
        + " subscription ends and the address is suppressed")
public class OptOutCommand extends MarketingAction {
    @Argument(index = 0, name = "email", required = true, description = "The person's e-mail address")
    String email;

    @Option(name = "--source", description = "How the person asked, e.g. 'letter of 2026-12-01'")
    String source;

    @Override
    protected Object run() throws Exception {
        Suppression s = consent.optOut(email, source, user());
        System.out.println(s.email() + " is opted out of all marketing mail since " + s.since());
        return null;
    }
}
