package dev.tessera.platform.webhooks.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.tessera.platform.api.event.DomainEvent;
import dev.tessera.platform.api.event.EventInbox;
import dev.tessera.platform.api.event.EventSubscriber;

/**
 * A durable subscriber to every event: it queues each committed event, once, for the webhooks subscribed to its
 * type. Events committed while webhooks are stopped are queued when they return, from the subscriber's cursor.
 */
@Component(service = EventSubscriber.class)
public final class WebhookFanOut implements EventSubscriber {
    static final String SUBSCRIBER_ID = "platform-webhooks";
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);

    private final WebhookStore store;
    private final EventInbox inbox;
    private final WebhookSender sender;

    @Activate
    public WebhookFanOut(@Reference WebhookStore store, @Reference EventInbox inbox, @Reference WebhookSender sender) {
        this.store = store;
        this.inbox = inbox;
        this.sender = sender;
    }

    @Override
    public String subscriberId() {
        return SUBSCRIBER_ID;
    }

    @Override
    public Set<String> topics() {
        return Set.of("*");
    }

    @Override
    public void handle(DomainEvent event) throws Exception {
        if (store.fanOut(event, body(event), inbox, SUBSCRIBER_ID) > 0) {
            sender.wake();
        }
    }

    /**
     * The JSON a receiver gets: the event with its type and payload schema version, record, time, actor, data and
     * changes.
     */
    static String body(DomainEvent event) throws com.fasterxml.jackson.core.JsonProcessingException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", event.id().toString());
        body.put("type", event.type());
        body.put("schemaVersion", event.schemaVersion());
        body.put("recordType", event.recordType());
        body.put("recordId", event.recordId());
        body.put("recordVersion", event.recordVersion());
        body.put("occurredAt", event.occurredAt());
        body.put("actor", event.actor());
        body.put("data", event.payload());
        body.put("changes", event.changes());
        return JSON.writeValueAsString(body);
    }
}
