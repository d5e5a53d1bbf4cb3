package dev.tessera.platform.webhooks.internal.command;

import java.time.Duration;
import java.time.Instant;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;

import dev.tessera.platform.webhooks.internal.Webhook;
import dev.tessera.platform.webhooks.internal.WebhookAdmin;

@Service
@Command(scope = "tessera", name = "webhooks", description = "Lists the webhooks: receiver, events, state, deliveries waiting and for how long, why paused")
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
        table.column("PENDING").alignRight();
        table.column("DUE SINCE");
        table.column("WHY PAUSED / LAST ERROR");
        for (Webhook w : webhooks.list()) {
            table.addRow().addContent(w.id(), w.url(), String.join(", ", w.events()), w.state().toLowerCase(),
                    w.consecutiveFailures(), w.pendingDeliveries(), dueSince(w), w.pausedReason() != null ? w.pausedReason()
                            : w.lastError() == null ? "" : w.lastError());
        }
        table.print(System.out);
        return null;
    }

    /** How long the earliest waiting delivery has been due, when it is due already. */
    private static String dueSince(Webhook w) {
        if (w.nextAttemptAt() == null || w.nextAttemptAt().isAfter(Instant.now())) {
            return "";
        }
        long seconds = Duration.between(w.nextAttemptAt(), Instant.now()).toSeconds();
        return seconds < 120 ? seconds + " s" : seconds / 60 + " min";
    }
}
