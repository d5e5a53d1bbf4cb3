package dev.tessera.itest.notes.api;

import java.util.Set;

import dev.tessera.platform.api.RecordType;
import dev.tessera.platform.api.event.EventType;

/** The notes module's record type and events. */
public interface NoteEvents {
    /** A note's text. */
    record NoteText(String text) {
    }

    EventType<NoteText> NOTE_CREATED = EventType.of("notes", "note", "created", NoteText.class, 1, "A note was written");
    EventType<NoteText> NOTE_ANNOTATED = EventType.of("notes", "note", "annotated", NoteText.class, 1,
            "A note was annotated");

    Set<RecordType> OWNS = Set.of(NOTE_CREATED.recordType());
    Set<EventType<?>> ALL = Set.of(NOTE_CREATED, NOTE_ANNOTATED);
}
