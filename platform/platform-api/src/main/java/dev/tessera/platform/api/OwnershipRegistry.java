package dev.tessera.platform.api;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The live ownership table, built from the registered {@link ModuleDescriptor}s. */
@ProviderType
public interface OwnershipRegistry {

    /** The owner of a record type, if a module that owns it is active. */
    Optional<String> ownerOf(RecordType recordType);

    /** Every owned record type with its owner, sorted by record type. */
    List<Ownership> table();

    /** Claims that were refused because another module already owns the record type. */
    List<OwnershipConflict> conflicts();

    /** Every event type the active modules declare, with the module that publishes it, sorted by name. */
    List<EventDeclaration> eventTypes();

    /** The declaration of an event type by an active module whose ownership claims were accepted. */
    Optional<EventDeclaration> eventType(String name);

    /**
     * Checks that a module may write a record type.
     *
     * @throws TesseraException {@code platform.not-owner} when another module owns it, or
     *                          {@code platform.module-unavailable} when no active module owns it
     */
    void requireOwner(String moduleId, RecordType recordType);
}
