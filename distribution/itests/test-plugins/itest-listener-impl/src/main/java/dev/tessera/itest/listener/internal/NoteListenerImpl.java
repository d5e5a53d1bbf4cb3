package dev.tessera.itest.listener.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.service.component.annotations.Component;

import dev.tessera.itest.notes.api.NoteListener;
import dev.tessera.platform.api.event.DomainEvent;
import dev.tessera.platform.api.event.EventSubscriber;

/** A durable subscriber to note events that can be told to fail. Its memory lives as long as its bundle. */
@Component(service = {EventSubscriber.class, NoteListener.class})
public final class NoteListenerImpl implements EventSubscriber, NoteListener {
    private static final List<String> RECEIVED = new ArrayList<>();
    private static final AtomicInteger FAILURES_LEFT = new AtomicInteger();
    private static final AtomicInteger ATTEMPTS = new AtomicInteger();

    @Override
    public String subscriberId() {
        return "itest-listener.notes";
    }

    @Override
    public Set<String> topics() {
        return Set.of("notes.*");
    }

    @Override
    public void handle(DomainEvent event) {
        ATTEMPTS.incrementAndGet();
        int left = FAILURES_LEFT.get();
        if (left < 0 || left > 0 && FAILURES_LEFT.decrementAndGet() >= 0) {
            throw new IllegalStateException("the listener is failing on purpose for note " + event.recordId());
        }
        synchronized (RECEIVED) {
            RECEIVED.add(event.recordId());
        }
    }

    @Override
    public List<String> received() {
        synchronized (RECEIVED) {
            return List.copyOf(RECEIVED);
        }
    }

    @Override
    public void failNext(int times) {
        FAILURES_LEFT.set(times);
    }

    @Override
    public int attempts() {
        return ATTEMPTS.get();
    }
}
