package app.trellis.gateway.service;

import app.trellis.gateway.config.GatewayConfig;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.OIDCException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.ConnectException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies the bearer token (signature, issuer, audience, expiry) through Quarkus' OIDC provider before any
 * upstream is called. A verified token is remembered for a short while, never beyond its expiry, so a busy
 * client is not verified again on every request; a revoked signing key is honoured within that while.
 */
@Singleton
public class EdgeAuthentication {

    /** Why a token was not accepted: it is not valid (401), or it could not be checked (503). */
    public static final class Refused extends RuntimeException {
        private final boolean unavailable;

        Refused(boolean unavailable) {
            super(unavailable ? "identity provider unavailable" : "token not valid", null, false, false);
            this.unavailable = unavailable;
        }

        public boolean unavailable() {
            return unavailable;
        }
    }

    private final Map<String, VerifiedToken> verified = new ConcurrentHashMap<>();
    private final IdentityProviderManager identities;
    private final long cacheNanos;
    private final int cacheSize;

    @Inject
    public EdgeAuthentication(IdentityProviderManager identities, GatewayConfig config) {
        this.identities = identities;
        this.cacheNanos = config.tokens().cacheFor().toNanos();
        this.cacheSize = config.tokens().cacheSize();
    }

    /** The token's verification, from memory when it is recent, else from the identity provider. */
    public Uni<VerifiedToken> verify(String token, RoutingContext rc) {
        long now = System.nanoTime();
        VerifiedToken known = verified.get(token);
        if (known != null) {
            if (known.trustedUntil() - now > 0) {
                return Uni.createFrom().item(known);
            }
            verified.remove(token);
        }
        var request = HttpSecurityUtils.setRoutingContextAttribute(
                new TokenAuthenticationRequest(new AccessTokenCredential(token)), rc);
        return identities.authenticate(request)
                .onFailure().transform(failure -> new Refused(isOutage(failure)))
                .map(identity -> remember(token, identity, now));
    }

    private VerifiedToken remember(String token, SecurityIdentity identity, long now) {
        if (identity == null || identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            throw new Refused(false);
        }
        long untilExpiry = Duration.ofSeconds(Math.max(0, jwt.getExpirationTime() - System.currentTimeMillis() / 1000))
                .toNanos();
        VerifiedToken result = new VerifiedToken(jwt.getSubject(), clientOf(jwt), hasText(jwt.getClaim("tenant")),
                now + Math.min(cacheNanos, untilExpiry));
        if (verified.size() >= cacheSize) {
            // Cheaper than an LRU and good enough: the busy clients are back in the cache within a request.
            verified.clear();
        }
        verified.put(token, result);
        return result;
    }

    /** Verifications remembered now (for tests of the bound). */
    int remembered() {
        return verified.size();
    }

    private static String clientOf(JsonWebToken jwt) {
        Object azp = jwt.getClaim("azp");
        if (!hasText(azp)) {
            azp = jwt.getClaim("client_id");
        }
        return hasText(azp) ? unquote(azp) : null;
    }

    private static boolean hasText(Object claim) {
        return claim != null && !unquote(claim).isBlank();
    }

    private static String unquote(Object claim) {
        return claim.toString().replace("\"", "");
    }

    /** The provider could not be asked (down, slow, not yet reachable at start): not the caller's fault. */
    static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OIDCException || t instanceof ConnectException || t instanceof TimeoutException
                    || t.getClass().getName().endsWith("OidcEndpointAccessException")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
