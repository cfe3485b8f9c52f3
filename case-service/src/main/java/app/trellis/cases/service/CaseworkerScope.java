package app.trellis.cases.service;

import app.trellis.cases.domain.CaseFile;
import app.trellis.cases.domain.Client;
import app.trellis.cases.repository.ClientRepository;
import app.trellis.cases.repository.ConsentRepository;
import app.trellis.cases.repository.Visibility;
import app.trellis.platform.security.Caller;
import app.trellis.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/**
 * How far the caller sees: a supervisor the whole tenant; a case manager what they and their team work; a
 * partner system (by scope) only clients who consented to share data with that partner, and their cases.
 */
@ApplicationScoped
public class CaseworkerScope {

    @Inject
    Caller caller;
    @Inject
    ClientRepository clients;
    @Inject
    ConsentRepository consents;
    @Inject
    Clock clock;

    /** Empty when the caller sees the whole tenant; otherwise whom the view is limited to. */
    public Optional<Visibility> restriction() {
        if (caller.hasRole(Roles.SUPERVISOR)) {
            return Optional.empty();
        }
        Optional<String> partner = caller.partner();
        if (partner.isPresent()) {
            return Optional.of(Visibility.partner(partner.get(), LocalDate.now(clock)));
        }
        return Optional.of(Visibility.caseworker(caller.username(), caller.team().orElse(null)));
    }

    /** Whether the caller sees this client (break-glass aside). */
    public boolean sees(Client client) {
        return restriction().map(v -> v.forPartner()
                ? consents.sharedWith(client.tenantId(), client.id(), v.partner(), v.today())
                : client.registeredByOrFor(v.user(), v.team()) || clients.worksACaseOf(client.tenantId(), client.id(), v))
                .orElse(true);
    }

    /** Whether the caller works (or, as a partner, may read) this case (break-glass aside). */
    public boolean works(CaseFile file) {
        return restriction().map(v -> v.forPartner()
                ? consents.sharedWith(file.tenantId(), file.clientId(), v.partner(), v.today())
                : file.workedBy(v.user(), v.team()))
                .orElse(true);
    }
}
