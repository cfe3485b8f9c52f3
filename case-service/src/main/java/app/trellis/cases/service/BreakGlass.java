package app.trellis.cases.service;

import app.trellis.cases.domain.CaseFile;
import app.trellis.cases.domain.EmergencyAccess;
import app.trellis.cases.repository.CaseRepository;
import app.trellis.cases.repository.EmergencyAccessRepository;
import app.trellis.platform.audit.AuditEntry;
import app.trellis.platform.audit.AuditTrail;
import app.trellis.platform.paging.Cursor;
import app.trellis.platform.paging.Page;
import app.trellis.platform.paging.PageRequest;
import app.trellis.platform.problem.ProblemException;
import app.trellis.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Break-glass: a user opens a case outside their assignment by stating why. The grant is short-lived,
 * audited when given and at every use, and waits in a queue until a supervisor reviews it.
 */
@ApplicationScoped
public class BreakGlass {

    @Inject
    EmergencyAccessRepository grants;
    @Inject
    CaseRepository cases;
    @Inject
    AuditTrail audit;
    @Inject
    Caller caller;
    @Inject
    Clock clock;
    @ConfigProperty(name = "trellis.break-glass.lifetime", defaultValue = "PT60M")
    Duration lifetime;

    @Transactional
    public EmergencyAccess requestEmergencyAccess(UUID caseId, String reason) {
        CaseFile onCase = cases.findInTenant(caller.tenant(), caseId).orElseThrow(() -> ProblemException.notFound("Case"));
        EmergencyAccess grant = EmergencyAccess.grant(onCase, caller.person(), reason, lifetime, clock.instant());
        grants.persist(grant);
        grants.flush();
        audit.recordWrite(new AuditEntry("BREAK_GLASS", "case", onCase.id().toString(), onCase.clientId().toString(),
                reason));
        return grant;
    }

    /** Called when a user reaches a case they do not work: true (and audited) if a live grant covers it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean admits(CaseFile onCase) {
        return grants.active(onCase.tenantId(), caller.subject(), onCase.id(), clock.instant())
                .map(grant -> used(grant, "case", onCase.id())).orElse(false);
    }

    /** The same for a client reached through a case granted by break-glass. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean admitsClient(String tenant, UUID clientId) {
        return grants.activeForClient(tenant, caller.subject(), clientId, clock.instant())
                .map(grant -> used(grant, "client", clientId)).orElse(false);
    }

    /** Newest first. */
    @Transactional
    public Page<EmergencyAccess> grants(Boolean reviewed, PageRequest page) {
        return page.toPage(grants.page(caller.tenant(), reviewed, page),
                g -> Cursor.of(g.createdAt().toString(), g.id().toString()));
    }

    @Transactional
    public EmergencyAccess review(UUID grantId, String note) {
        EmergencyAccess grant = grants.findInTenant(caller.tenant(), grantId)
                .orElseThrow(() -> ProblemException.notFound("Emergency access"));
        grant.review(caller.person(), note, clock.instant());
        grants.flush();
        audit.recordWrite(new AuditEntry("BREAK_GLASS_REVIEW", "case", grant.caseId().toString(),
                grant.clientId().toString(), null));
        return grant;
    }

    private boolean used(EmergencyAccess grant, String resourceType, UUID resourceId) {
        audit.recordRead(new AuditEntry("BREAK_GLASS_USE", resourceType, resourceId.toString(),
                grant.clientId().toString(), "break-glass " + grant.id()));
        return true;
    }
}
