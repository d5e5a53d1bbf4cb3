package dev.tessera.platform.webhooks.internal.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.CommandException;

import dev.tessera.platform.webhooks.internal.WebhookAdmin;

@Service
@Command(scope = "tessera", name = "webhook-resume", description = "Resumes a paused webhook: what queued meanwhile is sent now")
public class WebhookResumeCommand implements Action {
    @Reference
    WebhookAdmin webhooks;

    @Argument(index = 0, name = "id", required = true, description = "Webhook id (tessera:webhooks)")
    long id;

    @Override
    public Object execute() throws CommandException {
        if (!webhooks.resume(id)) {
            throw new CommandException("No webhook " + id + "; tessera:webhooks lists them [webhooks.not-found]");
        }
        System.out.println("Webhook " + id + " is active again; its queued deliveries are being sent");
        return null;
    }
}
