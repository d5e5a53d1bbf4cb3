package dev.tessera.crm.marketing.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import dev.tessera.crm.marketing.api.MailingList;

@Service
@Command(scope = "marketing", name = "lists", description = "Lists the mailing lists with their confirmed subscribers")
public class ListsCommand extends MarketingAction {
    @Override
    protected Object run() throws Exception {
        System.out.printf("%-20s %-30s %-13s %11s%n", "CODE", "NAME", "DOUBLE_OPT_IN", "SUBSCRIBERS");
        for (MailingList l : consent.lists(null, 1000)) {
            System.out.printf("%-20s %-30s %-13s %11d%n", l.code(), l.name(), l.doubleOptIn() ? "yes" : "no",
                    l.subscribers());
        }
        return null;
    }
}
