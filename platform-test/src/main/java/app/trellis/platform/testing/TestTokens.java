package app.trellis.platform.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Access tokens shaped like the ones Keycloak issues for the {@code trellis} realm ({@code tenant},
 * {@code team}, {@code realm_access.roles}, {@code scope}, audience {@code trellis-api}), signed with the
 * key that {@code quarkus-test-oidc-server} publishes, so services verify them for real.
 */
public final class TestTokens {

    public static final String ISSUER = "https://server.example.com";
    public static final String AUDIENCE = "trellis-api";

    private TestTokens() {
    }

    /** A user of a tenant with realm roles, e.g. {@code user("north", "nora", "case-manager")}. */
    public static String user(String tenant, String username, String... roles) {
        return builder(username).claim("tenant", tenant).claim("realm_access", Map.of("roles", List.of(roles))).build();
    }

    /** A client-credentials token of a partner with scopes and no roles. */
    public static String partner(String tenant, String clientId, String... scopes) {
        return builder("service-account-" + clientId).claim("tenant", tenant).claim("azp", clientId)
                .claim("scope", String.join(" ", scopes)).build();
    }

    /** A valid token that lacks the tenant claim: must be refused with 403. */
    public static String withoutTenant(String username, String... roles) {
        return builder(username).claim("realm_access", Map.of("roles", List.of(roles))).build();
    }

    /** The subject every token of this user name carries here (as a real IdP's, it is not the name). */
    public static String subjectOf(String username) {
        return UUID.nameUUIDFromBytes(username.getBytes(StandardCharsets.UTF_8)).toString();
    }

    public static Builder builder(String username) {
        return new Builder(Jwt.issuer(ISSUER).audience(Set.of(AUDIENCE))
                .subject(subjectOf(username))
                .preferredUserName(username).expiresIn(600));
    }

    public static final class Builder {
        private final JwtClaimsBuilder claims;

        private Builder(JwtClaimsBuilder claims) {
            this.claims = claims;
        }

        public Builder claim(String name, Object value) {
            claims.claim(name, value);
            return this;
        }

        /** Another subject for the same user name: a renamed account's successor, or a reused name. */
        public Builder subject(String subject) {
            claims.subject(subject);
            return this;
        }

        public Builder team(String team) {
            return claim("team", team);
        }

        public Builder issuer(String issuer) {
            claims.issuer(issuer);
            return this;
        }

        public Builder expiresIn(long seconds) {
            claims.expiresIn(seconds);
            return this;
        }

        public String build() {
            return claims.jws().keyId("1").sign("privateKey.jwk");
        }
    }
}
