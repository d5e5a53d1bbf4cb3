package dev.tessera.itest.greeter.api;

import org.osgi.annotation.versioning.ProviderType;

/** Provided by the itest-greeter module. */
@ProviderType
public interface Greeter {
    String greet(String name);
}
