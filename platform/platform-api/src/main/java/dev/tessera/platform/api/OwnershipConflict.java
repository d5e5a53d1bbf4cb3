package dev.tessera.platform.api;

/** A module's claim on a record type that another module already owns; the claim was refused. */
public record OwnershipConflict(RecordType recordType, String ownerModule, String refusedModule) {
    public String message() {
        return "Module '" + refusedModule + "' claims record type '" + recordType + "', which module '" + ownerModule
                + "' already owns; a record type has exactly one owner: disable one of the two modules";
    }
}
