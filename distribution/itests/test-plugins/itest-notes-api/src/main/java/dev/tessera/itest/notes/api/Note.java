package dev.tessera.itest.notes.api;

/** A note as other modules and clients see it. */
public record Note(long id, String text) {
}
