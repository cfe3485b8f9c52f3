package app.trellis.reporting.service;

import app.trellis.platform.problem.ProblemException;
import app.trellis.platform.security.Caller;
import app.trellis.platform.security.Roles;
import app.trellis.reporting.domain.FeedReader;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The feed reader behind the current request: a supervisor sees the tenant's whole feed; a {@code feed.read}
 * client only as its subscriber configuration says, and nothing at all (403) when it is not configured.
 */
@RequestScoped
public class FeedReaders {

    @Inject
    Caller caller;
    @Inject
    JsonWebToken token;
    @Inject
    FeedSubscribers subscribers;

    public FeedReader current() {
        String tenant = caller.tenant();
        if (caller.hasRole(Roles.SUPERVISOR)) {
            return FeedReader.wholeTenant(tenant);
        }
        return subscriber();
    }

    /** The calling client as a configured subscriber (403 for anyone else, supervisors included). */
    public FeedReader subscriber() {
        String tenant = caller.tenant();
        return subscribers.reader(tenant, clientId().orElse(null)).orElseThrow(FeedReaders::notASubscriber);
    }

    /** The OAuth client the token was issued to ({@code azp}; {@code client_id} in some issuers' tokens). */
    private Optional<String> clientId() {
        Object azp = token.getClaim("azp");
        Object clientId = azp != null ? azp : token.getClaim("client_id");
        String text = clientId == null ? "" : clientId.toString().replace("\"", "").trim();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    private static ProblemException notASubscriber() {
        return ProblemException.forbidden("not-a-subscriber", "This client is not a configured feed subscriber");
    }
}
