package dev.tessera.platform.webhooks.internal;

import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** What the console needs of webhooks, as a service the commands can reference. */
@Component(service = WebhookAdmin.class)
public final class WebhookAdmin {
    private final WebhookStore store;
    private final WebhookSender sender;

    @Activate
    public WebhookAdmin(@Reference WebhookStore store, @Reference WebhookSender sender) {
        this.store = store;
        this.sender = sender;
    }

    public List<Webhook> list() {
        return store.after(0, 1000);
    }

    public boolean resume(long id) {
        boolean resumed = store.resume(id);
        if (resumed) {
            sender.wake();
        }
        return resumed;
    }
}
