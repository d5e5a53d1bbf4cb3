package dev.tessera.platform.api;

import java.util.List;

/**
 * A named set of modules for a kind of business, from {@code etc/dev.tessera.profiles.cfg}. {@code available}: those
 * this distribution has; {@code enabled}: those enabled now.
 */
public record Profile(String name, List<String> modules, List<String> available, List<String> enabled) {
}
