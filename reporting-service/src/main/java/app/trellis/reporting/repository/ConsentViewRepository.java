package app.trellis.reporting.repository;

import app.trellis.platform.contracts.ConsentChangedV1;
import app.trellis.platform.jdbc.Jdbc;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Writes of {@code consent_view} (see 004-projections.sql). */
@ApplicationScoped
public class ConsentViewRepository {

    /** The event with the higher sequence of the client wins, whole; seq is assigned last. */
    private static final String NEWER = "IF(VALUES(seq) > seq, VALUES(%1$s), %1$s)";
    private static final String UPSERT = "INSERT INTO consent_view (tenant_id, consent_id, client_id, type, partner,"
            + " status, effective_date, expiry_date, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
            + " type = " + NEWER.formatted("type") + ", partner = " + NEWER.formatted("partner")
            + ", status = " + NEWER.formatted("status") + ", effective_date = " + NEWER.formatted("effective_date")
            + ", expiry_date = " + NEWER.formatted("expiry_date") + ", seq = GREATEST(seq, VALUES(seq))";

    @Inject
    AgroalDataSource db;

    public void apply(String tenant, long sequence, ConsentChangedV1 c) {
        Jdbc.update(db, "consent_view upsert", UPSERT, tenant, c.consentId().toString(), c.clientId().toString(),
                c.type(), c.partner(), c.status(), c.effectiveDate(), c.expiryDate(), sequence);
    }
}
