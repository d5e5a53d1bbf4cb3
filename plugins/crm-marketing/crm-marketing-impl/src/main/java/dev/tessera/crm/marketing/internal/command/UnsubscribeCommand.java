package dev.tessera.crm.marketing.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import dev.tessera.crm.marketing.api.Subscription;

@Service
@Command(scope = "marketing", name = "unsubscribe", description = "Ends an address's subscription to one list; its"
        + " other lists stay")
public class UnsubscribeCommand extends MarketingAction {
    @Argument(index = 0, name = "list", required = true, description = "The list's code")
    String list;

    @Argument(index = 1, name = "email", required = true, description = "The person's e-mail address")
    String email;

    @Option(name = "--source", description = "How the person asked, e.g. 'phone call'")
    String source;

    @Override
    protected Object run() throws Exception {
        Subscription s = consent.unsubscribe(list, email, source, user());
        System.out.println(s.email() + " is unsubscribed from " + s.list());
        return null;
    }
}
