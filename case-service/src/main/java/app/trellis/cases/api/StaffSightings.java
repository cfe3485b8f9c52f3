package app.trellis.cases.api;

import app.trellis.cases.service.StaffDirectory;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Keeps the staff directory current from verified tokens, so assignments by subject show a name. */
public class StaffSightings {

    @Inject
    SecurityIdentity identity;
    @Inject
    JsonWebToken token;
    @Inject
    StaffDirectory directory;

    @ServerRequestFilter
    public void noteCaller() {
        if (!identity.isAnonymous() && token.getClaim("tenant") != null) {
            directory.noteCaller();
        }
    }
}
