package app.trellis.platform.security;

import app.trellis.platform.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling, read only from the verified access token. The tenant never comes from a path,
 * a query or a body: a token without a {@code tenant} claim cannot touch tenant data (403).
 */
@RequestScoped
public class Caller {

    public static final String TENANT_CLAIM = "tenant";
    public static final String TEAM_CLAIM = "team";

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    /** The caller's tenant; fails with 403 problem when the token carries none. */
    public String tenant() {
        return claim(TENANT_CLAIM).orElseThrow(() -> ProblemException.forbidden("missing-tenant",
                "The access token carries no tenant"));
    }

    /** Stable subject of the token (user id or client id). */
    public String subject() {
        return token.getSubject();
    }

    /** The caller as records name them: subject to compare, user name to show. */
    public Person person() {
        return new Person(subject(), username());
    }

    /** The human-readable user name (or the client id for client-credentials tokens); for display only. */
    public String username() {
        return claim("preferred_username").or(() -> claim("azp")).or(() -> claim("client_id"))
                .orElse(token.getSubject());
    }

    /**
     * The partner's OAuth client id ({@code azp}) when the token is a partner system's: a client-credentials
     * token holding a {@code system/} scope. Empty for people.
     */
    public Optional<String> partner() {
        boolean system = scopes().stream().anyMatch(s -> s.startsWith("system/"));
        return system ? claim("azp").or(() -> claim("client_id")) : Optional.empty();
    }

    public Optional<String> team() {
        return claim(TEAM_CLAIM);
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    /** OAuth scopes granted to the token, e.g. {@code system/cases.read} for a partner. */
    public Set<String> scopes() {
        return claim("scope").map(s -> Arrays.stream(s.split(" ")).filter(x -> !x.isBlank())
                .collect(Collectors.toUnmodifiableSet())).orElse(Set.of());
    }

    public boolean hasScope(String scope) {
        return scopes().contains(scope);
    }

    private Optional<String> claim(String name) {
        Object value = token.getClaim(name);
        if (value == null) {
            return Optional.empty();
        }
        String text = value.toString().trim();
        if (text.length() > 1 && text.startsWith("\"") && text.endsWith("\"")) {
            text = text.substring(1, text.length() - 1);
        }
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }
}
