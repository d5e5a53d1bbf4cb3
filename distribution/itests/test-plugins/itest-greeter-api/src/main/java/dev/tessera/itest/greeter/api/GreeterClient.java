package dev.tessera.itest.greeter.api;

import org.osgi.annotation.versioning.ProviderType;

/** Provided by the itest-client module, which uses a {@link Greeter} when one is present. */
@ProviderType
public interface GreeterClient {
    /** The greeter's greeting, or {@code "no greeter"} while the greeter module is absent. */
    String greet(String name);

    /** How often the client component was activated since its bundle started. */
    int activations();

    /** How often the client component was deactivated since its bundle started. */
    int deactivations();
}
