package app.trellis.gateway.service;

import app.trellis.gateway.config.GatewayConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Path prefix to upstream service; the longest matching prefix wins, and only on segment boundaries. */
@Singleton
public class RouteTable {

    public record Target(String service, URI url) {
    }

    private record Entry(String prefix, Target target) {
    }

    private final List<Entry> entries = new ArrayList<>();

    @Inject
    public RouteTable(GatewayConfig config) {
        config.routes().forEach((service, upstream) -> upstream.prefixes().forEach(prefix ->
                entries.add(new Entry(prefix.replaceAll("/+$", ""), new Target(service, upstream.url())))));
        entries.sort(Comparator.comparingInt((Entry e) -> e.prefix().length()).reversed());
    }

    public Optional<Target> match(String path) {
        for (Entry entry : entries) {
            if (path.equals(entry.prefix()) || path.startsWith(entry.prefix() + "/")) {
                return Optional.of(entry.target());
            }
        }
        return Optional.empty();
    }
}
