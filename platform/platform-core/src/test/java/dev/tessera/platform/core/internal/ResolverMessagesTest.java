package dev.tessera.platform.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ResolverMessagesTest {

    @Test
    void keepsOnlyTheInnermostMissingRequirement() {
        String karaf = "Unable to resolve root: missing requirement [root] osgi.identity; osgi.identity=tessera-broken; "
                + "type=karaf.feature; version=\"[0.1.0,0.1.0]\" [caused by: Unable to resolve tessera-broken/0.1.0: "
                + "missing requirement [tessera-broken/0.1.0] osgi.identity; osgi.identity=dev.tessera.broken; "
                + "type=osgi.bundle [caused by: Unable to resolve dev.tessera.broken/0.1.0: missing requirement "
                + "[dev.tessera.broken/0.1.0] osgi.wiring.package; filter:=\"(osgi.wiring.package=com.example.absent)\"]]";
        assertEquals("cannot resolve: missing requirement [dev.tessera.broken/0.1.0] osgi.wiring.package; "
                + "filter:=\"(osgi.wiring.package=com.example.absent)\"", ResolverMessages.summarize(karaf));
    }

    @Test
    void leavesOtherMessagesAsTheyAre() {
        assertEquals("Error starting bundle x", ResolverMessages.summarize("Error starting bundle x\n"));
        assertEquals("deep cause", ResolverMessages.summarize(new RuntimeException("outer", new IllegalStateException("deep cause"))));
    }
}
