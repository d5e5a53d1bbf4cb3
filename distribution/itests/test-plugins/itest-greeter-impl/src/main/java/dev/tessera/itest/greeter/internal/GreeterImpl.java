package dev.tessera.itest.greeter.internal;

import org.osgi.service.component.annotations.Component;

import dev.tessera.itest.greeter.api.Greeter;

@Component(service = Greeter.class)
public final class GreeterImpl implements Greeter {
    @Override
    public String greet(String name) {
        return "Hello " + name;
    }
}
