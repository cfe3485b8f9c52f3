package app.trellis.gateway.api;

import app.trellis.gateway.service.CircuitBreakers;
import app.trellis.gateway.service.RouteTable;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Which upstreams accept connections now. The gateway is ready while at least one does: a single dead
 * service is answered for by its breaker, and taking the whole front door out would only add to it.
 */
@Readiness
@ApplicationScoped
public class UpstreamReadiness implements AsyncHealthCheck {

    @Inject
    Vertx vertx;
    @Inject
    RouteTable routes;
    @Inject
    CircuitBreakers breakers;

    private NetClient probes;

    @PostConstruct
    void init() {
        probes = vertx.createNetClient(new NetClientOptions().setConnectTimeout(1_000));
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        List<Uni<Boolean>> checks = new ArrayList<>();
        List<RouteTable.Route> upstreams = routes.upstreams();
        for (RouteTable.Route upstream : upstreams) {
            checks.add(Uni.createFrom().completionStage(() -> probes.connect(upstream.url().getPort(), upstream.url().getHost())
                    .map(socket -> {
                        socket.close();
                        return true;
                    }).otherwise(false).toCompletionStage()));
        }
        return Uni.join().all(checks).andFailFast().map(reachable -> {
            var response = HealthCheckResponse.named("upstreams");
            boolean any = false;
            for (int i = 0; i < upstreams.size(); i++) {
                String service = upstreams.get(i).service();
                boolean up = reachable.get(i);
                any |= up;
                response.withData(service, up ? (breakers.isOpen(service) ? "reachable, breaker open" : "reachable")
                        : "unreachable");
            }
            return response.status(any).build();
        });
    }
}
