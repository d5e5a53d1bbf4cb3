package dev.tessera.platform.api;

/** One row of the ownership table: a record type and the module that owns it. */
public record Ownership(RecordType recordType, String ownerModule) {
}
