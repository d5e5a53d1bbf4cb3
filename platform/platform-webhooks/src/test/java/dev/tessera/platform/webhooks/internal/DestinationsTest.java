package dev.tessera.platform.webhooks.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class DestinationsTest {
    /** A fixed DNS: public names, a name that points inside, and one that does not resolve. */
    private static InetAddress[] dns(String host) throws UnknownHostException {
        Map<String, String> names = Map.of("hooks.example.com", "93.184.216.34", "sneaky.example.com", "10.0.0.7",
                "bridge.lan", "192.168.1.20");
        String ip = names.getOrDefault(host, host);
        if (!ip.matches("[0-9a-fA-F.:]+")) {
            throw new UnknownHostException(host);
        }
        return new InetAddress[] {InetAddress.getByName(ip)};
    }

    @Test
    void publicReceiversAreCalledAndInnerOnesRefusedUnlessAllowed() {
        Destinations d = new Destinations(List.of("bridge.lan", "127.0.0.1:9000"), DestinationsTest::dns);
        assertEquals(Optional.empty(), d.refusal(URI.create("https://hooks.example.com/tessera")));
        assertEquals(Optional.empty(), d.refusal(URI.create("http://bridge.lan/hooks")), "allowed by name");
        assertEquals(Optional.empty(), d.refusal(URI.create("http://127.0.0.1:9000/hooks")), "allowed with its port");
        for (String inner : List.of("http://127.0.0.1:8101/", "http://127.0.0.2/", "http://10.0.0.1/", "http://172.16.5.4/",
                "http://192.168.0.1/", "http://169.254.169.254/", "http://100.64.0.1/", "http://0.0.0.0/", "http://[::1]/",
                "http://[fe80::1]/", "http://[fd12::1]/", "http://[::ffff:127.0.0.1]/", "http://sneaky.example.com/")) {
            assertTrue(d.refusal(URI.create(inner)).isPresent(), inner);
        }
        assertTrue(d.refusal(URI.create("http://nowhere.invalid/")).orElseThrow().contains("does not resolve"));
        assertTrue(d.refusal(URI.create("http://sneaky.example.com/")).orElseThrow().contains("10.0.0.7"),
                "a public name that points inside is caught by its address");
    }
}
