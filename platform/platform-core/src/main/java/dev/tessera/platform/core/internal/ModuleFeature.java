package dev.tessera.platform.core.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.karaf.features.Capability;
import org.apache.karaf.features.Feature;

/**
 * Recognises the Karaf features that are Tessera modules. A module's feature declares the capability
 * {@code tessera.module;id=<module-id>}, e.g.
 * <pre>{@code <feature name="tessera-erp-ledger"> <capability>tessera.module;id=erp-ledger</capability> ... }</pre>
 * which marks it as a module without affecting resolution (nothing requires that namespace).
 */
final class ModuleFeature {
    static final String NAMESPACE = "tessera.module";
    private static final Pattern ID = Pattern.compile("(?:^|;)\\s*id\\s*(?::\\s*String\\s*)?=\\s*\"?([a-z][a-z0-9-]*)\"?");

    private ModuleFeature() {
    }

    /** The module id a feature declares, or empty when the feature is not a module. */
    static Optional<String> moduleId(Feature feature) {
        for (Capability capability : feature.getCapabilities()) {
            Optional<String> id = moduleId(capability.getValue());
            if (id.isPresent()) {
                return id;
            }
        }
        return Optional.empty();
    }

    static Optional<String> moduleId(String capability) {
        if (capability == null) {
            return Optional.empty();
        }
        String value = capability.trim();
        if (!value.startsWith(NAMESPACE + ";")) {
            return Optional.empty();
        }
        Matcher m = ID.matcher(value.substring(NAMESPACE.length()));
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
