package app.trellis.cases.service;

import app.trellis.cases.repository.ClientRepository;
import app.trellis.platform.security.Caller;
import app.trellis.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * How far the caller sees: the whole tenant (a supervisor, or a partner holding the given scope), or only
 * what they and their team work, as a case manager does.
 */
@ApplicationScoped
public class CaseworkerScope {

    @Inject
    Caller caller;

    /** Empty when the caller sees the whole tenant; otherwise the user and team the view is limited to. */
    public Optional<ClientRepository.Visibility> restrictionUnless(String tenantWideScope) {
        if (caller.hasRole(Roles.SUPERVISOR) || caller.hasRole(tenantWideScope)) {
            return Optional.empty();
        }
        return Optional.of(new ClientRepository.Visibility(caller.username(), caller.team().orElse(null)));
    }
}
