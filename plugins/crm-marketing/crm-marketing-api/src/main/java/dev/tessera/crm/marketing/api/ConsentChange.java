package dev.tessera.crm.marketing.api;

import java.time.Instant;

/**
 * One entry of an address's consent history, kept as evidence: what changed, on which list (none for a global
 * change), where the change came from, when and by whom.
 */
public record ConsentChange(long id, String email, String list, ConsentAction action, String source, Instant at,
                            String actor) {
}
