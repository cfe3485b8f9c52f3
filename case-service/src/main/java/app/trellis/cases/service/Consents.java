package app.trellis.cases.service;

import app.trellis.cases.domain.Client;
import app.trellis.cases.domain.Consent;
import app.trellis.cases.repository.ConsentRepository;
import app.trellis.platform.audit.AuditEntry;
import app.trellis.platform.audit.AuditTrail;
import app.trellis.platform.concurrency.ETags;
import app.trellis.platform.contracts.ConsentChangedV1;
import app.trellis.platform.event.OutboxWriter;
import app.trellis.platform.problem.ProblemException;
import app.trellis.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Recording and revoking a client's consents; whoever may see the client may record them. */
@ApplicationScoped
public class Consents {

    @Inject
    ConsentRepository consents;
    @Inject
    ClientRegistry clients;
    @Inject
    AuditTrail audit;
    @Inject
    OutboxWriter events;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    @Transactional
    public Consent recordConsent(UUID clientId, String type, String partner, LocalDate effective, LocalDate expiry,
                                 UUID documentId) {
        Client client = clients.changeableClient(clientId);
        Consent consent = Consent.grant(client.tenantId(), client.id(), type, partner, effective, expiry, documentId,
                caller.person(), clock.instant());
        consents.persist(consent);
        consents.flush();
        changed("CREATE", consent);
        return consent;
    }

    @Transactional
    public Consent revokeConsent(UUID clientId, UUID consentId, String ifMatch, String reason) {
        Client client = clients.changeableClient(clientId);
        Consent consent = consents.findOfClient(client.tenantId(), client.id(), consentId)
                .orElseThrow(() -> ProblemException.notFound("Consent"));
        ETags.requireMatch(ifMatch, consent.version());
        consent.revoke(reason, clock.instant());
        consents.flush();
        changed("UPDATE", consent);
        return consent;
    }

    @Transactional
    public List<Consent> consents(UUID clientId) {
        Client client = clients.visibleClient(clientId);
        audit.recordRead(new AuditEntry("READ", "consents", client.id().toString(), client.id().toString(), null));
        return consents.ofClient(client.tenantId(), client.id());
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    private void changed(String action, Consent consent) {
        audit.recordWrite(new AuditEntry(action, "consent", consent.id().toString(), consent.clientId().toString(), null));
        events.append("client", consent.clientId().toString(), caller.tenant(), ConsentChangedV1.TYPE,
                new ConsentChangedV1(consent.id(), consent.clientId(), consent.type(), consent.partner(), consent.status(),
                        consent.effectiveDate(), consent.expiryDate()));
    }
}
