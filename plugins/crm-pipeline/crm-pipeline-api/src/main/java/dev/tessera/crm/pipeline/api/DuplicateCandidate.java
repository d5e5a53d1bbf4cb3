package dev.tessera.crm.pipeline.api;

import java.util.Set;

/** A lead that matches another one, and the rules it matched by. */
public record DuplicateCandidate(long leadId, String name, String email, String company, Set<MatchKind> matches) {
    public DuplicateCandidate {
        matches = Set.copyOf(matches);
    }
}
