package app.trellis.cases.service;

import app.trellis.cases.domain.Client;
import app.trellis.cases.domain.ClientDetails;
import app.trellis.cases.domain.SealedValue;
import app.trellis.cases.repository.ClientRepository;
import app.trellis.platform.audit.AuditEntry;
import app.trellis.platform.audit.AuditTrail;
import app.trellis.platform.concurrency.ETags;
import app.trellis.platform.contracts.ClientRegisteredV1;
import app.trellis.platform.contracts.ClientUpdatedV1;
import app.trellis.platform.crypto.FieldCipher;
import app.trellis.platform.event.OutboxWriter;
import app.trellis.platform.jdbc.UniqueKeys;
import app.trellis.platform.paging.Cursor;
import app.trellis.platform.paging.Page;
import app.trellis.platform.paging.PageRequest;
import app.trellis.platform.problem.ProblemException;
import app.trellis.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Registering, reading, revising and finding clients. Sensitive identifiers are sealed here (encrypted
 * with a blind index) before they reach the entity, every read and write is audited, and a case manager
 * only sees the clients they or their team registered (case assignments will widen this).
 */
@ApplicationScoped
public class ClientRegistry {

    @Inject
    ClientRepository clients;
    @Inject
    FieldCipher cipher;
    @Inject
    AuditTrail audit;
    @Inject
    OutboxWriter events;
    @Inject
    Caller caller;
    @Inject
    CaseAccess access;
    @Inject
    Clock clock;

    @Transactional
    public ClientView registerClient(ClientInput input) {
        String tenant = caller.tenant();
        ClientDetails details = seal(tenant, input);
        Client client = Client.register(tenant, details, caller.person(), caller.team().orElse(null),
                clock.instant());
        clients.persist(client);
        // The unique key answers "external id taken": no count query before every create.
        UniqueKeys.flushOrConflict(clients.getEntityManager(), "uk_client_external", "external-id-taken",
                "Another client of the tenant has this external id");
        audit.recordWrite(entry("CREATE", client));
        events.append("client", client.id().toString(), tenant, ClientRegisteredV1.TYPE,
                new ClientRegisteredV1(client.id()));
        // Shown from what was just sealed, not decrypted back from it.
        return new ClientView(client, input.birthDate(), last4(ssn(input)), last4(medicaid(input)));
    }

    @Transactional
    public ClientView reviseClient(UUID id, String ifMatch, ClientInput input) {
        Client client = changeable(id);
        ETags.requireMatch(ifMatch, client.version());
        client.revise(seal(client.tenantId(), input), clock.instant());
        clients.flush();
        audit.recordWrite(entry("UPDATE", client));
        events.append("client", client.id().toString(), client.tenantId(), ClientUpdatedV1.TYPE,
                new ClientUpdatedV1(client.id()));
        return open(client);
    }

    // No transaction: nothing to commit, and no row locks held while the audit appender seals the record.
    public ClientView client(UUID id) {
        Client client = visible(id);
        audit.recordRead(entry("READ", client));
        return open(client);
    }

    /**
     * Every client returned is audited as read (a result list shows their PHI), and the search itself is
     * audited even when it finds no one: probing identifiers to learn whether someone is a client leaves a
     * trace. The record names which criteria were used, never their values.
     */
    public Page<ClientView> findClients(ClientSearch search, PageRequest page) {
        String tenant = caller.tenant();
        String identifier = search.identifier() == null ? null : search.identifier().trim();
        var filter = new ClientRepository.Filter(tenant, blankToNull(search.namePrefix()),
                search.birthDate() == null ? null : cipher.blindIndex(search.birthDate().toString(), context("birthDate", tenant)),
                identifier == null ? null : cipher.blindIndex(digits(identifier), context("ssn", tenant)),
                identifier == null ? null : cipher.blindIndex(identifier.toUpperCase(Locale.ROOT), context("medicaid", tenant)),
                identifier, access.viewer());
        // Ids only: a name in a cursor would travel in URLs (proxy logs, browser history).
        Page<Client> found = page.toPage(clients.search(filter, page), c -> Cursor.of(c.id().toString()));
        List<AuditEntry> entries = new ArrayList<>();
        entries.add(new AuditEntry("QUERY", "client-search", null, null, criteria(search) + " -> "
                + found.items().size() + (found.nextCursor() == null ? "" : "+") + " results"));
        found.items().forEach(c -> entries.add(entry("SEARCH", c)));
        audit.recordReads(entries);
        return found.map(this::open);
    }

    private static String criteria(ClientSearch search) {
        List<String> used = new ArrayList<>();
        if (search.namePrefix() != null && !search.namePrefix().isBlank()) {
            used.add("name");
        }
        if (search.birthDate() != null) {
            used.add("birthDate");
        }
        if (search.identifier() != null && !search.identifier().isBlank()) {
            used.add("identifier");
        }
        return used.isEmpty() ? "no criteria" : String.join(",", used);
    }

    /** The client, if the caller may see it (404 otherwise); for reads of a client's parts (consents). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Client visibleClient(UUID id) {
        return visible(id);
    }

    /** The client, if the caller may change it or what hangs off it (a case, a consent); 403 under break-glass. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Client changeableClient(UUID id) {
        return changeable(id);
    }

    // Not 403 when unseen: whether the person is a client of this tenant is itself protected.
    private Client visible(UUID id) {
        Client client = find(id);
        CaseAccess.requireRead(access.reach(client), "Client");
        return client;
    }

    private Client changeable(UUID id) {
        Client client = find(id);
        CaseAccess.requireChange(access.reach(client), "Client");
        return client;
    }

    private Client find(UUID id) {
        return clients.findInTenant(caller.tenant(), id).orElseThrow(() -> ProblemException.notFound("Client"));
    }

    private ClientDetails seal(String tenant, ClientInput in) {
        String ssn = ssn(in);
        String medicaid = medicaid(in);
        return new ClientDetails(in.givenName(), in.familyName(), in.middleName(), in.preferredName(),
                sealed(in.birthDate().toString(), "birthDate", tenant), in.sex(), in.genderIdentity(), in.language(),
                in.phone(), in.email(), in.addressLine1(), in.addressLine2(), in.city(), in.region(), in.postalCode(),
                ssn == null ? null : sealed(ssn, "ssn", tenant), medicaid == null ? null : sealed(medicaid, "medicaid", tenant),
                in.legacyId(), in.externalId());
    }

    private static String ssn(ClientInput in) {
        return in.ssn() == null ? null : digits(in.ssn());
    }

    private static String medicaid(ClientInput in) {
        return in.medicaidId() == null ? null : in.medicaidId().trim().toUpperCase(Locale.ROOT);
    }

    private SealedValue sealed(String value, String field, String tenant) {
        String context = context(field, tenant);
        return new SealedValue(cipher.encrypt(value, context), cipher.blindIndex(value, context));
    }

    private ClientView open(Client client) {
        String tenant = client.tenantId();
        LocalDate birthDate = LocalDate.parse(cipher.decrypt(client.birthDate().ciphertext(), context("birthDate", tenant)));
        return new ClientView(client, birthDate, last4(client.ssn(), "ssn", tenant), last4(client.medicaidId(), "medicaid", tenant));
    }

    private String last4(SealedValue value, String field, String tenant) {
        return value == null ? null : last4(cipher.decrypt(value.ciphertext(), context(field, tenant)));
    }

    private static String last4(String clear) {
        return clear == null ? null : clear.substring(Math.max(0, clear.length() - 4));
    }

    private static AuditEntry entry(String action, Client client) {
        return new AuditEntry(action, "client", client.id().toString(), client.id().toString(), null);
    }

    private static String context(String field, String tenant) {
        return "client." + field + "|" + tenant;
    }

    private static String digits(String text) {
        return text.replaceAll("[^0-9]", "");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
