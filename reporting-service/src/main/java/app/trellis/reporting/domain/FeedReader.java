package app.trellis.reporting.domain;

import java.util.Objects;
import java.util.Set;

/**
 * Who reads the feed of a tenant and how they see it: a configured subscriber (by its OAuth client id, with the
 * types it receives, de-identified or not, a partner or not), or a supervisor, who sees the whole tenant as is.
 *
 * @param subscriber the subscriber's client id; null for a supervisor
 * @param types      the types it may receive; empty for all
 */
public record FeedReader(String tenant, String subscriber, Set<String> types, boolean deidentified, boolean partner) {

    public FeedReader {
        Objects.requireNonNull(tenant, "a feed is always one tenant's");
        types = Set.copyOf(types);
        if ((deidentified || partner) && subscriber == null) {
            throw new IllegalArgumentException("only a subscriber is de-identified or a partner");
        }
    }

    public static FeedReader wholeTenant(String tenant) {
        return new FeedReader(tenant, null, Set.of(), false, false);
    }

    public boolean receives(String type) {
        return types.isEmpty() || types.contains(type);
    }
}
