package dev.tessera.platform.api;

import java.util.List;
import java.util.Map;

/**
 * What applying a profile does: modules to {@code enable} and to {@code disable}, those that stay although not in
 * the profile ({@code kept}, with why: another module that stays requires them, or {@code --keep-others}), those
 * the distribution does not have ({@code unavailable}: not an error, the rest is applied), and {@code notes} such
 * as whose records become read-only while their module is disabled.
 */
public record ProfilePlan(String profile, List<String> enable, List<String> disable, Map<String, String> kept,
                          List<String> unavailable, List<String> notes) {
    /** True when applying would change nothing. */
    public boolean empty() {
        return enable.isEmpty() && disable.isEmpty();
    }
}
