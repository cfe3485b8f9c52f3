package app.trellis.platform.security;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Bearer tokens Quarkus OIDC has verified (signature, issuer, audience, expiry), remembered for a short while
 * so a busy caller's token is not parsed and RSA-verified again on every request: that was a fifth of
 * assessment-service's CPU per submit (JFR, bench/assessments). Never remembered beyond the token's own
 * expiry; the key is the whole token, so a changed byte is a new token and is verified. A rotated signing
 * key is honoured within {@code trellis.security.token-memory}.
 *
 * <p>Two halves of one thing: as the first identity provider it answers from memory (nothing remembered:
 * OIDC's provider verifies); as the first augmentor it remembers what OIDC's provider verified, before
 * the other augmentors (scopes as roles) add to it, so those run on every request as before.
 */
@ApplicationScoped
public class RememberedTokens implements IdentityProvider<TokenAuthenticationRequest>, SecurityIdentityAugmentor {

    /** Above OIDC's provider (the default, 1001), so memory is asked first. */
    static final int FIRST = 5000;
    private static final String ROUTING_CONTEXT = RoutingContext.class.getName();

    private record Remembered(SecurityIdentity identity, long untilMillis) {
    }

    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();
    private final LongAdder answeredFromMemory = new LongAdder();
    private final long memoryMillis;
    private final int capacity;

    public RememberedTokens(
            @ConfigProperty(name = "trellis.security.token-memory", defaultValue = "60S") Duration memory,
            @ConfigProperty(name = "trellis.security.token-memory-size", defaultValue = "10000") int capacity) {
        this.memoryMillis = memory.toMillis();
        this.capacity = capacity;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    /** First as a provider (memory before OIDC) and first as an augmentor (before scopes become roles). */
    @Override
    public int priority() {
        return FIRST;
    }

    /** The remembered identity, with this request's routing context; null (ask OIDC) when none is. */
    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        String token = request.getToken().getToken();
        Remembered known = token == null ? null : remembered.get(token);
        if (known == null) {
            return Uni.createFrom().nullItem();
        }
        if (System.currentTimeMillis() >= known.untilMillis()) {
            remembered.remove(token, known);
            return Uni.createFrom().nullItem();
        }
        answeredFromMemory.increment();
        RoutingContext rc = HttpSecurityUtils.getRoutingContextAttribute(request);
        SecurityIdentity identity = rc == null ? known.identity()
                : QuarkusSecurityIdentity.builder(known.identity()).addAttribute(ROUTING_CONTEXT, rc).build();
        return Uni.createFrom().item(identity);
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (!identity.isAnonymous() && identity.getPrincipal() instanceof JsonWebToken jwt) {
            AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
            if (credential != null && credential.getToken() != null && !remembered.containsKey(credential.getToken())) {
                remember(credential.getToken(), identity, jwt);
            }
        }
        return Uni.createFrom().item(identity);
    }

    private void remember(String token, SecurityIdentity identity, JsonWebToken jwt) {
        long expiresMillis = jwt.getExpirationTime() * 1000;
        long until = Math.min(System.currentTimeMillis() + memoryMillis, expiresMillis);
        if (until <= System.currentTimeMillis()) {
            return;
        }
        if (remembered.size() >= capacity) {
            // Cheaper than an LRU and good enough: the busy callers are back within one request each.
            remembered.clear();
        }
        // Without the routing context: a remembered identity must not keep a finished request alive.
        QuarkusSecurityIdentity.Builder kept = QuarkusSecurityIdentity.builder().setPrincipal(identity.getPrincipal())
                .addRoles(identity.getRoles()).addCredentials(identity.getCredentials())
                .addPermissions(identity.getPermissions());
        identity.getAttributes().forEach((name, value) -> {
            if (!ROUTING_CONTEXT.equals(name)) {
                kept.addAttribute(name, value);
            }
        });
        remembered.put(token, new Remembered(kept.build(), until));
    }

    /** Requests answered from memory so far (for tests and curious operators). */
    public long answeredFromMemory() {
        return answeredFromMemory.sum();
    }
}
