package app.trellis.gateway.config;

import io.smallrye.config.ConfigMapping;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

@ConfigMapping(prefix = "trellis.gateway")
public interface GatewayConfig {

    /** Upstream services by name, each with the path prefixes it owns. */
    Map<String, Upstream> routes();

    /** Longest an upstream may take to answer; then 504. */
    Duration upstreamTimeout();

    interface Upstream {
        URI url();

        List<String> prefixes();
    }
}
