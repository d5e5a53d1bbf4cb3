package dev.tessera.itest.notes.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** Provided by itest-notes: every write is one transaction with its event. */
@ProviderType
public interface NoteService {
    /** Creates a note and publishes notes.note.created in the same transaction; returns its id. */
    long create(String text);

    /**
     * Creates two notes and their events in one transaction and runs {@code between} in it after the first; returns
     * both ids.
     */
    List<Long> createTwoAround(String text, Runnable between);

    /** Creates {@code count} notes, one transaction each. */
    void createMany(String prefix, int count);

    /** Creates a note, publishes its event, takes a number, then fails: nothing of it may remain. */
    void createAndFail(String text);

    /** Takes the next number of the series in a transaction of its own. */
    long nextNumber(String series);

    List<String> texts();

    /** Up to {@code limit} notes with ids above {@code afterId}, by id. */
    List<Note> after(long afterId, int limit);

    long count();

    /**
     * Writes a note and publishes {@code notes.<recordType>.annotated} with it: allowed for {@code note}, refused by
     * the kernel for a record type another module owns, and then nothing of it remains.
     */
    long annotate(String recordType, String text);
}
