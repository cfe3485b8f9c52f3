package app.trellis.platform.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Partners and feed consumers authenticate with client credentials: they have scopes, not roles.
 * Granting each scope as a role of the same name (e.g. {@code system/cases.read}) lets one
 * {@code @RolesAllowed} list name both the staff roles and the partner scopes of an endpoint.
 */
@ApplicationScoped
public class ScopesAsRoles implements SecurityIdentityAugmentor {

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        Object scope = token.getClaim("scope");
        if (scope == null || scope.toString().isBlank()) {
            return Uni.createFrom().item(identity);
        }
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder(identity);
        for (String granted : scope.toString().replace("\"", "").split(" ")) {
            if (granted.contains("/") || granted.contains(".")) {
                // Only structured scopes become roles; "openid", "profile" and friends mean nothing here.
                builder.addRole(granted);
            }
        }
        return Uni.createFrom().item(builder.build());
    }
}
