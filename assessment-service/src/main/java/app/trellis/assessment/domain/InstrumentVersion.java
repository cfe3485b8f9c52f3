package app.trellis.assessment.domain;

import app.trellis.assessment.domain.instrument.InstrumentDefinition;
import app.trellis.assessment.domain.instrument.InstrumentJson;
import app.trellis.assessment.domain.instrument.InstrumentVersionStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One version of an instrument: its definition (stored as {@link InstrumentJson}) and where it is in its
 * life. Only a draft changes; publishing freezes it for good, because assessments are pinned to it and
 * scored by it. {@code tenantId} null = the shared library.
 */
@Entity
@Table(name = "instrument_version")
public class InstrumentVersion {

    @Id
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 36)
    private UUID id;
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "instrument_id", length = 36, nullable = false, updatable = false)
    private UUID instrumentId;
    @Column(name = "tenant_id", updatable = false)
    private String tenantId;
    @Column(name = "version_label", nullable = false)
    private String label;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private InstrumentVersionStatus status;
    @Column(name = "canonical_url", nullable = false)
    private String url;
    @Column(nullable = false)
    private String definition;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "published_at")
    private Instant publishedAt;
    @Column(name = "retired_at")
    private Instant retiredAt;
    @Version
    @Column(name = "row_version")
    private long version;

    protected InstrumentVersion() {
    }

    /** A new draft of a tenant's instrument; the definition was checked by the caller. */
    public static InstrumentVersion draft(Instrument instrument, InstrumentDefinition definition, Instant now) {
        InstrumentVersion v = new InstrumentVersion();
        v.id = UUID.randomUUID();
        v.instrumentId = instrument.id();
        v.tenantId = instrument.tenantId();
        v.status = InstrumentVersionStatus.DRAFT;
        v.createdAt = now;
        v.define(definition);
        return v;
    }

    /** Replaces a draft's definition; 409 once published or retired. */
    public void revise(InstrumentDefinition newDefinition) {
        status.requireEditable();
        define(newDefinition);
    }

    public void publish(Instant now) {
        status = status.moveTo(InstrumentVersionStatus.PUBLISHED);
        publishedAt = now;
    }

    public void retire(Instant now) {
        status = status.moveTo(InstrumentVersionStatus.RETIRED);
        retiredAt = now;
    }

    private void define(InstrumentDefinition d) {
        label = d.version();
        url = d.url();
        definition = InstrumentJson.writeString(d);
    }

    public InstrumentDefinition definition() {
        return InstrumentJson.read(definition);
    }

    /** {@code url|version}: what an assessment records as the instrument it was scored by. */
    public String canonical() {
        return url + "|" + label;
    }

    public UUID id() { return id; }
    public UUID instrumentId() { return instrumentId; }
    public String tenantId() { return tenantId; }
    public boolean shared() { return tenantId == null; }
    public String label() { return label; }
    public InstrumentVersionStatus status() { return status; }
    public String url() { return url; }
    public Instant createdAt() { return createdAt; }
    public Instant publishedAt() { return publishedAt; }
    public Instant retiredAt() { return retiredAt; }
    public long version() { return version; }
}
