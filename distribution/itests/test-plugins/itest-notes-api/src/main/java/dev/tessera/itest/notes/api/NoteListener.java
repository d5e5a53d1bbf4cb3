package dev.tessera.itest.notes.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** Provided by itest-listener: what its durable subscriber received. */
@ProviderType
public interface NoteListener {
    /** Record ids of the note events handled, in delivery order (each event once). */
    List<String> received();

    /** Makes the handler throw for the next {@code times} deliveries; a negative value fails always. */
    void failNext(int times);

    /** How many deliveries were attempted, including failed ones. */
    int attempts();
}
