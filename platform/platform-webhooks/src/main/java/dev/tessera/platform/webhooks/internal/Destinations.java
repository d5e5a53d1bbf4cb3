package dev.tessera.platform.webhooks.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where webhooks may send: public addresses only, unless the administrator allows a host (or host:port) in
 * etc/dev.tessera.platform.webhooks.cfg ({@code allowPrivateTargets}) for an integration on the same host or network.
 * Loopback, link-local, private (RFC 1918, unique local IPv6), carrier-grade NAT, unspecified and multicast addresses
 * are refused, the host's resolved addresses are checked both when the webhook is created and before every delivery
 * (a name that later resolves to an inner address is refused then), so webhooks cannot be used to reach Tessera's own
 * ports or other machines behind the firewall.
 */
final class Destinations {
    /** Resolves a host's addresses; a seam for tests. */
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final Set<String> allowed;
    private final Resolver resolver;

    Destinations(List<String> allowPrivateTargets, Resolver resolver) {
        this.allowed = allowPrivateTargets.stream().map(String::trim).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        this.resolver = resolver;
    }

    static Destinations of(String[] allowPrivateTargets) {
        return new Destinations(allowPrivateTargets == null ? List.of() : List.of(allowPrivateTargets),
                InetAddress::getAllByName);
    }

    /** Why the URL may not be called now, or empty when it may. */
    Optional<String> refusal(URI url) {
        String host = url.getHost();
        if (host == null) {
            return Optional.of("it names no host");
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        int port = url.getPort() >= 0 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
        String name = bare.toLowerCase(Locale.ROOT);
        if (allowed.contains(name) || allowed.contains(name + ":" + port)) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bare);
        } catch (UnknownHostException e) {
            return Optional.of("its host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            String ip = address.getHostAddress().toLowerCase(Locale.ROOT);
            if (inner(address) && !allowed.contains(ip) && !allowed.contains(ip + ":" + port)) {
                return Optional.of("its host " + host + " is (or resolves to) " + address.getHostAddress() + ", an"
                        + " address of this machine or an inner network; allow it in"
                        + " etc/dev.tessera.platform.webhooks.cfg (allowPrivateTargets) if the receiver really runs there");
            }
        }
        return Optional.empty();
    }

    /** Loopback, link-local, private, CGNAT, unique-local, unspecified or multicast. */
    static boolean inner(InetAddress address) {
        if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isSiteLocalAddress()
                || address.isAnyLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || first == 100 && second >= 64 && second <= 127 || first == 198 && (second == 18
                    || second == 19) || first >= 240;
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return true; // fc00::/7, unique local
            }
            boolean mapped = true; // ::ffff:a.b.c.d carries an IPv4 address
            for (int i = 0; i < 10; i++) {
                mapped &= b[i] == 0;
            }
            if (mapped && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
                try {
                    return inner(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException impossible) {
                    return true;
                }
            }
        }
        return false;
    }
}
