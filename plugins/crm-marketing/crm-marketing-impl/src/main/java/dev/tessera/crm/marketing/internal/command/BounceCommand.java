package dev.tessera.crm.marketing.internal.command;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import dev.tessera.crm.marketing.api.Suppression;

@Service
@Command(scope = "marketing", name = "bounce", description = "Records a hard bounce: the address gets no marketing"
        + " mail until its owner subscribes again and confirms")
public class BounceCommand extends MarketingAction {
    @Argument(index = 0, name = "email", required = true, description = "The address that bounced")
    String email;

    @Option(name = "--source", description = "Where the bounce was seen, e.g. 'bounce mailbox'")
    String source;

    @Override
    protected Object run() throws Exception {
        Suppression s = consent.hardBounce(email, source, user());
        System.out.println(s.email() + " is suppressed (" + s.reason().name().toLowerCase(java.util.Locale.ROOT)
                .replace('_', '-') + ")");
        return null;
    }
}
