package dev.tessera.crm.marketing.internal.command;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import dev.tessera.crm.marketing.internal.MailDelivery;

@Service
@Command(scope = "marketing", name = "mails", description = "Shows how marketing's outgoing mail stands: waiting,"
        + " sent, held back (suppressed), failed, and the newest error")
public class MailsCommand extends MarketingAction {
    @Reference
    MailDelivery delivery;

    @Override
    protected Object run() throws Exception {
        MailDelivery.Status s = delivery.status();
        System.out.println("waiting " + s.pending() + ", sent " + s.sent() + ", held back " + s.heldBack()
                + ", failed " + s.failed());
        if (s.lastError() != null) {
            System.out.println("newest error: " + s.lastError());
        }
        return null;
    }
}
