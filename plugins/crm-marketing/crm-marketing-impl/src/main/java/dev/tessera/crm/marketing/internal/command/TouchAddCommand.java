package dev.tessera.crm.marketing.internal.command;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.apache.karaf.shell.support.CommandException;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;

import dev.tessera.crm.marketing.api.NewTouch;
import dev.tessera.crm.marketing.api.Touch;
import dev.tessera.crm.marketing.api.TouchKind;

@Service
@Command(scope = "marketing", name = "touch-add", description = "Records a person's touch with a campaign")
public class TouchAddCommand extends MarketingAction {
    @Argument(index = 0, name = "campaign", required = true, description = "The campaign's code")
    String campaign;

    @Argument(index = 1, name = "email", required = true, description = "The person's e-mail address")
    String email;

    @Argument(index = 2, name = "kind", required = true,
            description = "form-fill, email-open, email-click, page-visit or event-attendance")
    String kind;

    @Option(name = "--at", description = "When it happened, e.g. 2026-11-20T14:00:00Z (now by default)")
    String at;

    @Override
    protected Object run() throws Exception {
        Instant when;
        try {
            when = at == null ? null : Instant.parse(at.trim());
        } catch (DateTimeParseException e) {
            throw new CommandException("--at must be an instant such as 2026-11-20T14:00:00Z, not '" + shown(at) + "'"
                    + " [platform.invalid-argument]");
        }
        Touch t = touches.record(List.of(new NewTouch(campaign, email, choice(TouchKind.class, "kind", kind), when,
                "console")), user()).get(0);
        System.out.println("Touch " + t.id() + " recorded: " + t.email() + " " + t.kind().name().toLowerCase(
                java.util.Locale.ROOT).replace('_', '-') + " of " + t.campaign() + " at " + t.occurredAt()
                + (t.leadId() == null ? " (no lead with this address yet)" : ", lead " + t.leadId()));
        return null;
    }
}
