package dev.tessera.itest.notes.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import dev.tessera.itest.notes.api.Note;
import dev.tessera.itest.notes.api.NoteEvents;
import dev.tessera.itest.notes.api.NoteService;
import dev.tessera.platform.api.event.DomainEvent;
import dev.tessera.platform.api.event.EventPublisher;
import dev.tessera.platform.api.persistence.ModuleSchema;
import dev.tessera.platform.api.persistence.NumberSeries;
import dev.tessera.platform.api.persistence.Transactions;
import dev.tessera.platform.support.Sql;

/**
 * Notes on ITN_NOTE with plain SQL in the thread's transaction. The column that holds a note's text is named in
 * {@code notes-schema.properties}: version 0.2.0 of this module renames it in a migration and says so there.
 */
@Component(service = NoteService.class)
public final class NoteServiceImpl implements NoteService {
    private final Transactions transactions;
    private final EventPublisher events;
    private final NumberSeries numbers;
    private final String textColumn;

    @Activate
    public NoteServiceImpl(@Reference Transactions transactions, @Reference EventPublisher events,
                           @Reference NumberSeries numbers,
                           @Reference(target = "(tessera.module=itest-notes)") ModuleSchema schema) {
        this.transactions = transactions;
        this.events = events;
        this.numbers = numbers;
        this.textColumn = textColumn();
    }

    private static String textColumn() {
        Properties schema = new Properties();
        try (InputStream in = NoteServiceImpl.class.getResourceAsStream("/notes-schema.properties")) {
            schema.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return schema.getProperty("textColumn");
    }

    @Override
    public long create(String text) {
        return transactions.required(db -> {
            long id = insert(db, text);
            events.publish(db, NoteEvents.NOTE_CREATED.created(Long.toString(id), "itest", new NoteEvents.NoteText(text)));
            return id;
        });
    }

    /**
     * Writes a note and publishes {@code notes.<recordType>.annotated} built by hand, as a careless module might: the
     * kernel takes it only when the record type is the note, whose event the module declares.
     */
    @Override
    public long annotate(String recordType, String text) {
        return transactions.required(db -> {
            long id = insert(db, text);
            events.publish(db, new DomainEvent(UUID.randomUUID(), "notes." + recordType + ".annotated", recordType,
                    Long.toString(id), 1, 1, Instant.now(), "itest", Map.of("text", text), Map.of()));
            return id;
        });
    }

    @Override
    public List<Long> createTwoAround(String text, Runnable between) {
        return transactions.required(db -> {
            long first = insert(db, text + "-1");
            events.publish(db, NoteEvents.NOTE_CREATED.created(Long.toString(first), "itest",
                    new NoteEvents.NoteText(text + "-1")));
            between.run();
            long second = insert(db, text + "-2");
            events.publish(db, NoteEvents.NOTE_CREATED.created(Long.toString(second), "itest",
                    new NoteEvents.NoteText(text + "-2")));
            return List.of(first, second);
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
        transactions.run(db -> {
            long id = insert(db, text);
            events.publish(db, NoteEvents.NOTE_CREATED.created(Long.toString(id), "itest", new NoteEvents.NoteText(text)));
            numbers.next(db, "NOTE-FAIL");
            throw new IllegalStateException("the business rule refused the note after it was written");
        });
    }

    @Override
    public long nextNumber(String series) {
        return transactions.required(db -> numbers.next(db, series));
    }

    @Override
    public List<Note> after(long afterId, int limit) {
        return transactions.required(db -> Sql.rows(db, limit, "SELECT ID, " + textColumn + " FROM ITN_NOTE WHERE ID > ?"
                + " ORDER BY ID", afterId).stream().map(r -> new Note(Sql.longValue(r[0]), (String) r[1])).toList());
    }

    @Override
    public long count() {
        return transactions.required(db -> Sql.longValue(Sql.value(db, "SELECT COUNT(*) FROM ITN_NOTE")));
    }

    @Override
    public List<String> texts() {
        return transactions.required(db -> Sql.rows(db, "SELECT " + textColumn + " FROM ITN_NOTE ORDER BY ID").stream()
                .map(r -> (String) r[0]).toList());
    }

    private long insert(Connection db, String text) {
        return Sql.insertReturningId(db, "ITN_NOTE", Map.of(textColumn, text));
    }
}
