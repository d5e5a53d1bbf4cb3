package dev.tessera.platform.api;

/**
 * Why a module's claims were refused: it claims a record type that another module already owns, or it declares an
 * event type about a record type it does not own. A refused module is not active.
 *
 * @param recordType    the record type in question
 * @param ownerModule   the module that owns it, or null when nobody does
 * @param refusedModule the module whose claims were refused
 * @param eventType     the event type it declares about that record type, or null for a claim of the record type
 */
public record OwnershipConflict(RecordType recordType, String ownerModule, String refusedModule, String eventType) {

    /** A claim of a record type another module owns. */
    public OwnershipConflict(RecordType recordType, String ownerModule, String refusedModule) {
        this(recordType, ownerModule, refusedModule, null);
    }

    public String message() {
        if (eventType != null) {
            return "Module '" + refusedModule + "' declares event type '" + eventType + "' about record type '"
                    + recordType + "', which " + (ownerModule == null ? "it does not own"
                    : "module '" + ownerModule + "' owns") + "; a module publishes events only about the record"
                    + " types it owns: add the record type to its owns() or drop the event type";
        }
        return "Module '" + refusedModule + "' claims record type '" + recordType + "', which module '" + ownerModule
                + "' already owns; a record type has exactly one owner: disable one of the two modules";
    }
}
