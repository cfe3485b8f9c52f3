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

    /** One route: {@code prefix} is also its metrics label, so labels stay a short fixed list. */
    public record Route(String prefix, String service, URI url, String className, GatewayConfig.RouteClass routeClass) {
    }

    private final List<Route> routes = new ArrayList<>();

    @Inject
    public RouteTable(GatewayConfig config) {
        config.routes().forEach((service, upstream) -> {
            GatewayConfig.RouteClass routeClass = config.classes().get(upstream.routeClass());
            if (routeClass == null) {
                throw new IllegalStateException("Route class '" + upstream.routeClass() + "' of " + service
                        + " is not configured under trellis.gateway.classes");
            }
            upstream.prefixes().forEach(prefix ->
                    routes.add(new Route(prefix.replaceAll("/+$", ""), service, upstream.url(), upstream.routeClass(),
                            routeClass)));
        });
        routes.sort(Comparator.comparingInt((Route r) -> r.prefix().length()).reversed());
    }

    public Optional<Route> match(String path) {
        for (Route route : routes) {
            if (path.equals(route.prefix()) || path.startsWith(route.prefix() + "/")) {
                return Optional.of(route);
            }
        }
        return Optional.empty();
    }

    /** Each upstream once, by service name. */
    public List<Route> upstreams() {
        List<Route> seen = new ArrayList<>();
        for (Route route : routes) {
            if (seen.stream().noneMatch(r -> r.service().equals(route.service()))) {
                seen.add(route);
            }
        }
        seen.sort(Comparator.comparing(Route::service));
        return seen;
    }

    /** Whether {@code path} is routed to {@code service}: a service documents only the paths it is sent. */
    public boolean routesTo(String path, String service) {
        return match(path).map(r -> r.service().equals(service)).orElse(false);
    }
}
