package app.trellis.platform.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "trellis.idempotency")
public interface IdempotencyConfig {

    /** How long a key is remembered. The contract promises at least 24 hours; keep a margin. */
    @WithDefault("PT48H")
    Duration retention();
}
