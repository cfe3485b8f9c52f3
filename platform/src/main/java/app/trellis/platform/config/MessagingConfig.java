package app.trellis.platform.config;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

@ConfigMapping(prefix = "trellis.messaging")
public interface MessagingConfig {

    /** Environment prefix of every queue name in AWS (e.g. {@code staging-}); empty locally. */
    Optional<String> queuePrefix();

    /** This service's own consumer queue (without prefix), e.g. {@code trellis-case-events}. */
    String consumerQueue();

    default String qualified(String queue) {
        return queuePrefix().orElse("") + queue;
    }
}
