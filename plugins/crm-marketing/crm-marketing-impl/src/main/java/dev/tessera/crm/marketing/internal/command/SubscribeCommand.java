package dev.tessera.crm.marketing.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import dev.tessera.crm.marketing.api.Subscription;
import dev.tessera.crm.marketing.api.SubscriptionStatus;

@Service
@Command(scope = "marketing", name = "subscribe", description = "Subscribes an address to a list; a double opt-in list"
        + " or a suppressed address gets a confirmation mail first")
public class SubscribeCommand extends MarketingAction {
    @Argument(index = 0, name = "list", required = true, description = "The list's code")
    String list;

    @Argument(index = 1, name = "email", required = true, description = "The person's e-mail address")
    String email;

    @Option(name = "--source", description = "Where the consent was given, e.g. 'trade fair 2026 sign-up sheet'")
    String source;

    @Override
    protected Object run() throws Exception {
        Subscription s = consent.subscribe(list, email, source, user());
        System.out.println(s.email() + " on " + s.list() + ": " + (s.status() == SubscriptionStatus.PENDING
                ? "waiting for confirmation (mail sent " + s.confirmationSentAt() + ")" : "subscribed"));
        return null;
    }
}
