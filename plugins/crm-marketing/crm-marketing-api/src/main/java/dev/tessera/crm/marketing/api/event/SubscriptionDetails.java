package dev.tessera.crm.marketing.api.event;

import dev.tessera.crm.marketing.api.ConsentAction;
import dev.tessera.crm.marketing.api.SubscriptionStatus;

/** A subscription after a change, with what changed it and where the change came from. */
public record SubscriptionDetails(String list, String email, SubscriptionStatus status, ConsentAction action,
                                  String source) {
}
