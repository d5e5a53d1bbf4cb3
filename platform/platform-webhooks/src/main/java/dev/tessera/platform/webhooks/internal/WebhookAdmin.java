package dev.tessera.platform.webhooks.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.tessera.platform.api.FieldError;
import dev.tessera.platform.api.ValidationException;
import dev.tessera.platform.api.event.TopicPattern;

/** Subscribing, listing and resuming webhooks, with the checks of what a client sends: for REST and the console. */
@Component(service = WebhookAdmin.class)
public final class WebhookAdmin {
    private final WebhookStore store;
    private final WebhookSender sender;

    @Activate
    public WebhookAdmin(@Reference WebhookStore store, @Reference WebhookSender sender) {
        this.store = store;
        this.sender = sender;
    }

    /** Checks a subscription (every wrong field at once) and stores it with its secret, generated when none is given. */
    public WebhookCreated create(NewWebhook request, String createdBy) {
        List<FieldError> errors = new ArrayList<>();
        if (request == null) {
            errors.add(new FieldError("url", "is required"));
            errors.add(new FieldError("events", "is required"));
            ValidationException.throwIfAny("The webhook", errors);
        }
        String url = checkUrl(request.url(), errors);
        if (url != null) {
            sender.destinations().refusal(URI.create(url)).ifPresent(why -> errors.add(new FieldError("url",
                    "may not be called: " + why)));
        }
        List<String> events = checkEvents(request.events(), errors);
        String secret = request.secret();
        if (secret != null && (secret.length() < 16 || secret.length() > 200 || secret.isBlank())) {
            errors.add(new FieldError("secret", "must be 16 to 200 characters, or left out to have one generated"));
        }
        if (request.description() != null && request.description().length() > 500) {
            errors.add(new FieldError("description", "has " + request.description().length()
                    + " characters; at most 500 are allowed"));
        }
        ValidationException.throwIfAny("The webhook", errors);
        String signing = secret == null ? Signature.newSecret() : secret;
        return new WebhookCreated(store.create(url, events, signing, request.description(), createdBy), signing);
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

    // ------------------------------------------------------------------ checks

    static String checkUrl(String url, List<FieldError> errors) {
        if (url == null || url.isBlank()) {
            errors.add(new FieldError("url", "is required: the receiver's http or https address"));
            return null;
        }
        if (url.length() > 2000) {
            errors.add(new FieldError("url", "is longer than 2000 characters"));
            return null;
        }
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                errors.add(new FieldError("url", "must be an absolute http or https address such as"
                        + " https://example.com/hooks/tessera"));
                return null;
            }
            if (uri.getUserInfo() != null) {
                errors.add(new FieldError("url", "must not carry a user name or password; receivers check the"
                        + " X-Tessera-Signature instead"));
                return null;
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            errors.add(new FieldError("url", "is not a valid address: " + e.getReason()));
            return null;
        }
    }

    static List<String> checkEvents(List<String> events, List<FieldError> errors) {
        if (events == null || events.isEmpty()) {
            errors.add(new FieldError("events", "is required: event types or patterns, e.g. [\"sales.invoice.*\"]"));
            return List.of();
        }
        if (events.size() > 50) {
            errors.add(new FieldError("events", "has " + events.size() + " entries; at most 50 are allowed"));
            return List.of();
        }
        List<String> patterns = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            String event = events.get(i);
            if (event == null || !event.trim().matches("\\*|[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*){0,2}(\\.\\*)?")
                    || event.trim().endsWith(".*") && event.trim().split("\\.").length > 3) {
                errors.add(new FieldError("events[" + i + "]", "must be an event type such as sales.invoice.issued,"
                        + " a prefix ending in .* such as sales.*, or * for every event"));
                continue;
            }
            patterns.add(new TopicPattern(event.trim()).pattern());
        }
        return patterns.stream().distinct().toList();
    }
}
