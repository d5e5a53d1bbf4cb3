package dev.tessera.platform.webhooks.internal.command;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import dev.tessera.platform.webhooks.internal.Webhook;
import dev.tessera.platform.webhooks.internal.WebhookAdmin;

@Service
@Command(scope = "tessera", name = "webhooks", description = "Lists the webhooks: receiver, events, state, why paused")
public class WebhooksCommand implements Action {
    @Reference
    WebhookAdmin webhooks;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable();
        table.column("ID").alignRight();
        table.column("URL");
        table.column("EVENTS");
        table.column("STATE");
        table.column("FAILURES").alignRight();
        table.column("WHY PAUSED / LAST ERROR");
        for (Webhook w : webhooks.list()) {
            table.addRow().addContent(w.id(), w.url(), String.join(", ", w.events()), w.state().toLowerCase(),
                    w.consecutiveFailures(), w.pausedReason() != null ? w.pausedReason()
                            : w.lastError() == null ? "" : w.lastError());
        }
        table.print(System.out);
        return null;
    }
}
