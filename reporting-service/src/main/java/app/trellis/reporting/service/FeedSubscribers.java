package app.trellis.reporting.service;

import app.trellis.reporting.config.FeedConfig;
import app.trellis.reporting.domain.FeedReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.Set;

/** The configured feed subscribers, as readers of a tenant's feed. */
@ApplicationScoped
public class FeedSubscribers {

    @Inject
    FeedConfig config;

    /** How {@code client} reads {@code tenant}'s feed; empty when it is not a configured subscriber. */
    public Optional<FeedReader> reader(String tenant, String client) {
        FeedConfig.Subscriber subscriber = client == null ? null : config.subscribers().get(client);
        if (subscriber == null) {
            return Optional.empty();
        }
        return Optional.of(new FeedReader(tenant, client, subscriber.types().orElse(Set.of()), subscriber.deidentified(),
                subscriber.partner()));
    }
}
