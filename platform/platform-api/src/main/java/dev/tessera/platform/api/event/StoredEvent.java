package dev.tessera.platform.api.event;

/**
 * A committed event with its place in the stream.
 *
 * @param sequence position in the event stream: the order in which events were committed and are delivered
 * @param event    the event
 */
public record StoredEvent(long sequence, DomainEvent event) {
}
