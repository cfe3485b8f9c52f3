package app.trellis.platform.access;

import app.trellis.platform.security.Caller;
import app.trellis.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;

/** The viewer behind the current request, as the access rule sees them. */
@ApplicationScoped
public class Viewers {

    @Inject
    Caller caller;
    @Inject
    Clock clock;

    public Viewer current() {
        String tenant = caller.tenant();
        if (caller.hasRole(Roles.SUPERVISOR)) {
            return Viewer.wholeTenant(tenant, caller.subject());
        }
        return caller.partner().map(p -> Viewer.partner(tenant, p, LocalDate.now(clock)))
                .orElseGet(() -> Viewer.caseworker(tenant, caller.subject(), caller.team().orElse(null)));
    }
}
