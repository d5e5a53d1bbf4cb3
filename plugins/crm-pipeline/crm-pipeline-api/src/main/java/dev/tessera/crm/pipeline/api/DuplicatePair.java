package dev.tessera.crm.pipeline.api;

import java.util.Set;

/** Two open leads suspected to be the same person; merge {@code duplicate} into {@code keep}. */
public record DuplicatePair(Lead keep, Lead duplicate, Set<MatchKind> matches) {
    public DuplicatePair {
        matches = Set.copyOf(matches);
    }
}
