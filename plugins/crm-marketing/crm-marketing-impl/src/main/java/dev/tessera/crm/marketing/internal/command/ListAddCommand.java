package dev.tessera.crm.marketing.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import dev.tessera.crm.marketing.api.MailingList;
import dev.tessera.crm.marketing.api.NewMailingList;

@Service
@Command(scope = "marketing", name = "list-add", description = "Creates a mailing list")
public class ListAddCommand extends MarketingAction {
    @Argument(index = 0, name = "code", required = true, description = "Its unique code, e.g. NEWSLETTER")
    String code;

    @Argument(index = 1, name = "name", required = true, description = "Its name, e.g. 'Monthly newsletter'")
    String name;

    @Option(name = "--description", description = "What it sends and how often")
    String description;

    @Option(name = "--double-opt-in", description = "Every new subscription waits for the person's confirmation")
    boolean doubleOptIn;

    @Override
    protected Object run() throws Exception {
        MailingList l = consent.createList(new NewMailingList(code, name, description, doubleOptIn), user());
        System.out.println("List " + l.code() + " created" + (l.doubleOptIn() ? " (double opt-in)" : ""));
        return null;
    }
}
