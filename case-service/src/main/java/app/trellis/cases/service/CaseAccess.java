package app.trellis.cases.service;

import app.trellis.cases.domain.CaseFile;
import app.trellis.cases.domain.Client;
import app.trellis.cases.repository.ClientRepository;
import app.trellis.cases.repository.ConsentRepository;
import app.trellis.platform.access.AccessRule;
import app.trellis.platform.access.Reach;
import app.trellis.platform.access.Viewer;
import app.trellis.platform.access.Viewers;
import app.trellis.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The platform's access rule applied to case-service's own records, with break-glass on top: a grant
 * lets its holder read the case (and its client) and add a note about the emergency, never change who
 * works the case, its status or the client's consents, since that would turn an hour's emergency read
 * into access for good.
 */
@ApplicationScoped
public class CaseAccess {

    public static final String BREAK_GLASS_READ_ONLY = "break-glass-read-only";

    @Inject
    Viewers viewers;
    @Inject
    ClientRepository clients;
    @Inject
    ConsentRepository consents;
    @Inject
    BreakGlass breakGlass;

    public Viewer viewer() {
        return viewers.current();
    }

    public Reach reach(CaseFile file) {
        if (AccessRule.seesCase(viewer(), file.responsibility(), () -> consents.sharingOf(file.tenantId(), file.clientId()))) {
            return Reach.FULL;
        }
        return breakGlass.admits(file) ? Reach.EMERGENCY : Reach.NONE;
    }

    public Reach reach(Client client) {
        if (AccessRule.seesClient(viewer(), client.registration(), () -> clients.casesOf(client.tenantId(), client.id()),
                () -> consents.sharingOf(client.tenantId(), client.id()))) {
            return Reach.FULL;
        }
        return breakGlass.admitsClient(client.tenantId(), client.id()) ? Reach.EMERGENCY : Reach.NONE;
    }

    /** Reading: 404 when the record does not exist for the caller (whether it exists is itself protected). */
    public static void requireRead(Reach reach, String what) {
        if (reach == Reach.NONE) {
            throw ProblemException.notFound(what);
        }
    }

    /** Changing: 404 as for reading, and 403 naming the rule when only a break-glass grant reaches it. */
    public static void requireChange(Reach reach, String what) {
        requireRead(reach, what);
        if (reach == Reach.EMERGENCY) {
            throw ProblemException.forbidden(BREAK_GLASS_READ_ONLY, "Emergency access lets you read this "
                    + what.toLowerCase(java.util.Locale.ROOT) + " and add a note about the emergency; changes need"
                    + " the case to be assigned to you or your team by a supervisor");
        }
    }
}
