package dev.tessera.crm.marketing.api;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** Touches: recorded in bulk, all or none. */
@ProviderType
public interface Touches {
    /** Records every touch, or none when one is not valid (field errors name each by its index). */
    List<Touch> record(List<NewTouch> touches, String actor);

    /** Touches by id after {@code afterId}; campaign and e-mail filter when given. */
    List<Touch> touches(String campaign, String email, long afterId, int limit);
}
