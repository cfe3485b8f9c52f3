package app.trellis.platform.access;

import app.trellis.platform.access.AccessShapes.CaseShape;
import app.trellis.platform.access.AccessShapes.CaseTable;
import app.trellis.platform.access.AccessShapes.ClientShape;
import app.trellis.platform.access.AccessShapes.ConsentTable;
import app.trellis.platform.contracts.CaseAccessChangedV1;
import app.trellis.platform.contracts.ConsentChangedV1;
import app.trellis.platform.event.CloudEvent;
import app.trellis.platform.event.EventHandler;
import app.trellis.platform.jdbc.Jdbc;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.inject.Inject;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A service's own copy of case access (tables from {@code db/access-copy/changelog.xml}), kept from case
 * events, and the access rule applied to it: assessment- and document-service decide who sees their records
 * by the case they belong to exactly as case-service does, without reading its schema or calling it.
 * <p>
 * Each event carries the whole state of its case or consent and its aggregate's sequence; a row changes only
 * for a newer sequence, so redelivery, replay and out-of-order arrival leave the copy as the newest event
 * says. A service subclasses this as an {@code @ApplicationScoped} bean to receive the events (it is not a
 * bean here, so services without the tables never get it).
 */
public abstract class CaseAccessCopy implements EventHandler {

    /** The copy's cases in a query that aliases {@code case_access} as {@code a}. */
    public static final CaseShape CASE_AS_A = new CaseShape("a.assignee", "a.team", "a.client_id");
    public static final CaseTable CASES = new CaseTable("case_access", "tenant_id", "client_id", "assignee", "team");
    public static final ConsentTable CONSENTS = new ConsentTable("consent_copy", "tenant_id", "client_id",
            "consent_type", "partner", "status", "effective_date", "expiry_date");

    private static final Responsibility NOBODY = new Responsibility(null, null);
    private static final String NEWER = "IF(VALUES(sequence) > sequence, VALUES(%1$s), %1$s)";

    @Inject
    AgroalDataSource db;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;

    @Override
    public boolean handles(String type) {
        return CaseAccessChangedV1.TYPE.equals(type) || ConsentChangedV1.TYPE.equals(type);
    }

    @Override
    public void handle(CloudEvent event) {
        Timestamp now = Timestamp.from(clock.instant());
        if (CaseAccessChangedV1.TYPE.equals(event.type())) {
            CaseAccessChangedV1 c = event.dataAs(json, CaseAccessChangedV1.class);
            Jdbc.update(db, "case access copy", "INSERT INTO case_access (tenant_id, case_id, client_id, assignee, team,"
                    + " status, sequence, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE "
                    + newer("client_id", "assignee", "team", "status", "updated_at") + ", sequence = GREATEST(sequence,"
                    + " VALUES(sequence))", event.tenantid(), c.caseId().toString(), c.clientId().toString(), c.assignee(),
                    c.team(), c.status(), event.sequenceNumber(), now);
            return;
        }
        ConsentChangedV1 c = event.dataAs(json, ConsentChangedV1.class);
        Jdbc.update(db, "consent copy", "INSERT INTO consent_copy (tenant_id, consent_id, client_id, consent_type, partner,"
                + " status, effective_date, expiry_date, sequence, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE " + newer("status", "effective_date", "expiry_date", "updated_at")
                + ", sequence = GREATEST(sequence, VALUES(sequence))", event.tenantid(), c.consentId().toString(),
                c.clientId().toString(), c.type(), c.partner(), c.status(),
                c.effectiveDate() == null ? null : Date.valueOf(c.effectiveDate()),
                c.expiryDate() == null ? null : Date.valueOf(c.expiryDate()), event.sequenceNumber(), now);
    }

    /** Whether the viewer sees the case (and so its records); false for a case the copy does not know. */
    public boolean sees(Viewer viewer, UUID caseId) {
        List<String[]> rows = Jdbc.query(db, "case access", "SELECT client_id, assignee, team FROM case_access"
                        + " WHERE tenant_id = ? AND case_id = ?", rs -> new String[] {rs.getString(1), rs.getString(2),
                        rs.getString(3)}, viewer.tenant(), caseId.toString());
        if (rows.isEmpty()) {
            return false;
        }
        String[] row = rows.get(0);
        return AccessRule.seesCase(viewer, new Responsibility(row[1], row[2]), () -> consentsOf(viewer.tenant(), row[0]));
    }

    /**
     * Whether the viewer sees a client: a client of a case they see, or shared with their partner system. The copy
     * does not know who registered a client, so a case manager sees a client's records here once a case of theirs
     * exists (case-service, which knows registrations, also shows them the client before that).
     */
    public boolean seesClient(Viewer viewer, UUID clientId) {
        return AccessRule.seesClient(viewer, NOBODY, () -> Jdbc.query(db, "case access", "SELECT assignee, team"
                        + " FROM case_access WHERE tenant_id = ? AND client_id = ?",
                        rs -> new Responsibility(rs.getString(1), rs.getString(2)), viewer.tenant(), clientId.toString()),
                () -> consentsOf(viewer.tenant(), clientId.toString()));
    }

    /** The client of a case the copy knows. */
    public Optional<UUID> clientOf(String tenant, UUID caseId) {
        return Jdbc.query(db, "case access", "SELECT client_id FROM case_access WHERE tenant_id = ? AND case_id = ?",
                rs -> UUID.fromString(rs.getString(1)), tenant, caseId.toString()).stream().findFirst();
    }

    /** Whether the copy knows the client, that is, any case of theirs. */
    public boolean knowsClient(String tenant, UUID clientId) {
        return !Jdbc.query(db, "case access", "SELECT 1 FROM case_access WHERE tenant_id = ? AND client_id = ? LIMIT 1",
                rs -> 1, tenant, clientId.toString()).isEmpty();
    }

    /** The condition to AND into a SQL query over {@code case_access a}; empty for the whole tenant. */
    public Optional<Condition> filter(Viewer viewer) {
        return AccessRule.caseFilter(viewer, CASE_AS_A, CONSENTS);
    }

    /** The condition, over a client id column of the outer query, that {@link #seesClient} holds; empty for the whole tenant. */
    public Optional<Condition> clientFilter(Viewer viewer, String clientIdColumn) {
        // NULL registrar and team: the copy knows no registrations, and NULL never equals anything in SQL.
        return AccessRule.clientFilter(viewer, new ClientShape(clientIdColumn, "NULL", "NULL"), CASES, CONSENTS);
    }

    private List<SharingConsent> consentsOf(String tenant, String clientId) {
        return Jdbc.query(db, "consent copy", "SELECT consent_type, partner, status, effective_date, expiry_date"
                        + " FROM consent_copy WHERE tenant_id = ? AND client_id = ?",
                rs -> new SharingConsent(rs.getString(1), rs.getString(2), SharingConsent.GRANTED.equals(rs.getString(3)),
                        rs.getDate(4) == null ? null : rs.getDate(4).toLocalDate(),
                        rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate()), tenant, clientId);
    }

    private static String newer(String... columns) {
        StringBuilder sql = new StringBuilder();
        for (String column : columns) {
            sql.append(sql.isEmpty() ? "" : ", ").append(column).append(" = ").append(NEWER.formatted(column));
        }
        return sql.toString();
    }
}
