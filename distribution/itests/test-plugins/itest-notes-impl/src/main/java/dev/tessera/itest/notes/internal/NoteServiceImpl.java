package dev.tessera.itest.notes.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.aries.jpa.template.JpaTemplate;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.tessera.itest.notes.api.Note;
import dev.tessera.itest.notes.api.NoteService;
import dev.tessera.platform.api.event.DomainEvent;
import dev.tessera.platform.api.event.EventPublisher;
import dev.tessera.platform.api.event.FieldChange;
import dev.tessera.platform.api.persistence.ModuleSchema;
import dev.tessera.platform.api.persistence.NumberSeries;

@Component(service = NoteService.class)
public final class NoteServiceImpl implements NoteService {
    private final JpaTemplate jpa;
    private final EventPublisher events;
    private final NumberSeries numbers;

    @Activate
    public NoteServiceImpl(@Reference(target = "(osgi.unit.name=itest-notes)") JpaTemplate jpa,
                           @Reference EventPublisher events, @Reference NumberSeries numbers,
                           @Reference(target = "(tessera.module=itest-notes)") ModuleSchema schema) {
        this.jpa = jpa;
        this.events = events;
        this.numbers = numbers;
    }

    @Override
    public long create(String text) {
        return jpa.txExpr(em -> {
            NoteEntity note = new NoteEntity(text);
            em.persist(note);
            em.flush();
            events.publish(em, new DomainEvent(UUID.randomUUID(), "notes.note.created", note.id().toString(), 1,
                    Instant.now(), "itest", Map.of("text", text), Map.of("text", new FieldChange(null, text))));
            return note.id();
        });
    }

    @Override
    public long annotate(String recordType, String text) {
        return jpa.txExpr(em -> {
            NoteEntity note = new NoteEntity(text);
            em.persist(note);
            em.flush();
            events.publish(em, new DomainEvent(UUID.randomUUID(), "notes." + recordType + ".annotated",
                    note.id().toString(), 1, Instant.now(), "itest", Map.of("text", text), Map.of()));
            return note.id();
        });
    }

    @Override
    public void createMany(String prefix, int count) {
        for (int i = 0; i < count; i++) {
            create(prefix + i);
        }
    }

    @Override
    public void createAndFail(String text) {
        jpa.tx(em -> {
            NoteEntity note = new NoteEntity(text);
            em.persist(note);
            em.flush();
            events.publish(em, new DomainEvent(UUID.randomUUID(), "notes.note.created", note.id().toString(), 1,
                    Instant.now(), "itest", Map.of("text", text), Map.of()));
            numbers.next(em, "NOTE-FAIL");
            throw new IllegalStateException("the business rule refused the note after it was written");
        });
    }

    @Override
    public long nextNumber(String series) {
        return jpa.txExpr(em -> numbers.next(em, series));
    }

    @Override
    public List<Note> after(long afterId, int limit) {
        return jpa.txExpr(em -> em.createQuery("select n from NoteEntity n where n.id > :after order by n.id",
                NoteEntity.class).setParameter("after", afterId).setMaxResults(limit).getResultList().stream()
                .map(n -> new Note(n.id(), n.text())).toList());
    }

    @Override
    public long count() {
        return jpa.txExpr(em -> em.createQuery("select count(n) from NoteEntity n", Long.class).getSingleResult());
    }

    @Override
    public List<String> texts() {
        return jpa.txExpr(em -> em.createQuery("select n from NoteEntity n order by n.id", NoteEntity.class)
                .getResultList().stream().map(NoteEntity::text).toList());
    }
}
