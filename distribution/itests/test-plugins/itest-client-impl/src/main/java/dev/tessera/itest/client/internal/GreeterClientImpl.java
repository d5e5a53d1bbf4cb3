package dev.tessera.itest.client.internal;

import java.util.concurrent.atomic.AtomicInteger;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import dev.tessera.itest.greeter.api.Greeter;
import dev.tessera.itest.greeter.api.GreeterClient;

/** Uses the greeter when it is there and keeps working without it: an optional, dynamic, greedy reference. */
@Component(service = GreeterClient.class, immediate = true)
public final class GreeterClientImpl implements GreeterClient {
    private static final AtomicInteger ACTIVATIONS = new AtomicInteger();
    private static final AtomicInteger DEACTIVATIONS = new AtomicInteger();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Greeter greeter;

    @Activate
    void activate() {
        ACTIVATIONS.incrementAndGet();
    }

    @Deactivate
    void deactivate() {
        DEACTIVATIONS.incrementAndGet();
    }

    @Override
    public String greet(String name) {
        Greeter current = greeter;
        return current == null ? "no greeter" : current.greet(name);
    }

    @Override
    public int activations() {
        return ACTIVATIONS.get();
    }

    @Override
    public int deactivations() {
        return DEACTIVATIONS.get();
    }
}
