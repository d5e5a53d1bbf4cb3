package dev.tessera.crm.pipeline.internal.command;

import java.util.Locale;

import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import dev.tessera.crm.pipeline.api.Activity;
import dev.tessera.crm.pipeline.api.ActivityType;
import dev.tessera.crm.pipeline.api.NewActivity;

@Service
@Command(scope = "pipeline", name = "activity-add", description = "Logs a call, e-mail, meeting or note, or plans a task with --due")
public class ActivityAddCommand extends PipelineAction {
    @Argument(index = 0, name = "type", required = true, description = "call, email, meeting, note or task")
    String type;

    @Argument(index = 1, name = "subject", required = true, description = "A short summary, in quotes if it has spaces")
    String subject;

    @Option(name = "--opportunity", description = "Id of the opportunity it is about")
    Long opportunity;

    @Option(name = "--account", description = "Id of the account it is about")
    Long account;

    @Option(name = "--contact", description = "Id of the contact it is about")
    Long contact;

    @Option(name = "--lead", description = "Id of the lead it is about")
    Long lead;

    @Option(name = "--due", description = "YYYY-MM-DD; required for a task")
    String due;

    @Option(name = "--owner", description = "Whose it is (you by default)")
    String owner;

    @Option(name = "--details", description = "Longer text, e.g. what was agreed")
    String details;

    @Override
    protected Object run() throws CommandException {
        ActivityType kind;
        try {
            kind = ActivityType.valueOf(type.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandException("type is call, email, meeting, note or task, not '" + type + "'");
        }
        Activity a = deals.logActivity(new NewActivity(kind, subject, details, account, contact, lead, opportunity,
                owner, date("--due", due)), user());
        System.out.println(a.type().name().toLowerCase(Locale.ROOT) + " " + a.id() + " logged"
                + (a.due() == null ? "" : ", due " + a.due()));
        return null;
    }
}
