package app.trellis.cases.service;

import app.trellis.cases.domain.CaseStatus;
import app.trellis.cases.repository.CaseRepository;
import app.trellis.platform.problem.ProblemException;
import app.trellis.platform.security.Caller;
import app.trellis.platform.security.Person;
import app.trellis.platform.security.Roles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

/** A case manager's caseload at a glance; counts only, so nothing here is PHI. */
@ApplicationScoped
public class Caseloads {

    static final Duration CONTACT_EXPECTED_WITHIN = Duration.ofDays(30);

    @Inject
    CaseRepository cases;
    @Inject
    Caller caller;
    @Inject
    StaffDirectory staff;
    @Inject
    Clock clock;

    /** The counts of one case manager. */
    public record Caseload(Person caseManager, Map<CaseStatus, Long> byStatus, long overdueTasks,
                           long openWithoutContactIn30Days) {
    }

    /** The caller's own caseload, or (supervisors only) any case manager's of the tenant. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Caseload caseload(String caseManager) {
        // Case managers are their token subjects: a user name can be renamed or reused.
        String whose = caseManager == null || caseManager.isBlank() ? caller.subject() : caseManager;
        if (!whose.equals(caller.subject()) && !caller.hasRole(Roles.SUPERVISOR)) {
            throw ProblemException.forbidden("forbidden", "Only a supervisor may look at another case manager's caseload");
        }
        String tenant = caller.tenant();
        return new Caseload(staff.person(tenant, whose), cases.countsByStatus(tenant, whose), cases.overdueTasks(tenant, whose, LocalDate.now(clock)),
                cases.openWithoutContactSince(tenant, whose, clock.instant().minus(CONTACT_EXPECTED_WITHIN)));
    }
}
