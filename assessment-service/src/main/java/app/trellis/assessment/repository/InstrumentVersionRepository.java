package app.trellis.assessment.repository;

import app.trellis.assessment.domain.InstrumentVersion;
import app.trellis.assessment.domain.instrument.InstrumentVersionStatus;
import app.trellis.platform.paging.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Versions of one instrument; callers have already checked that the tenant sees the instrument. */
@ApplicationScoped
public class InstrumentVersionRepository implements PanacheRepositoryBase<InstrumentVersion, UUID> {

    public Optional<InstrumentVersion> of(UUID instrumentId, UUID versionId) {
        return find("id = ?1 and instrumentId = ?2", versionId, instrumentId).firstResultOptional();
    }

    /** The version an assessment is pinned to: it always exists (versions are never deleted). */
    public InstrumentVersion pinned(UUID versionId) {
        return findByIdOptional(versionId)
                .orElseThrow(() -> new IllegalStateException("an assessment's pinned version is gone"));
    }

    /** A version by id alone, if the tenant sees it (its own or the shared library's). */
    public Optional<InstrumentVersion> visible(String tenantId, UUID versionId) {
        return find("id = ?1 and (tenantId = ?2 or tenantId is null)", versionId, tenantId).firstResultOptional();
    }

    /** Oldest first, keyset on (createdAt, id). */
    public List<InstrumentVersion> page(UUID instrumentId, PageRequest page) {
        Sort order = Sort.by("createdAt").and("id");
        var query = page.after()
                .map(after -> find("instrumentId = ?1 and (createdAt > ?2 or (createdAt = ?2 and id > ?3))", order,
                        instrumentId, after.instant(0), after.uuid(1)))
                .orElseGet(() -> find("instrumentId = ?1", order, instrumentId));
        return query.page(0, page.fetchSize()).list();
    }

    /** The version new assessments start on when only the instrument is named: the latest published. */
    public Optional<InstrumentVersion> latestPublished(UUID instrumentId) {
        return find("instrumentId = ?1 and status = ?2", Sort.descending("publishedAt").and("id", Sort.Direction.Descending),
                instrumentId, InstrumentVersionStatus.PUBLISHED).firstResultOptional();
    }

    /** Any version of another instrument the tenant sees already uses this canonical URL. */
    public boolean urlTakenElsewhere(String tenantId, String url, UUID instrumentId) {
        return count("url = ?1 and instrumentId <> ?2 and (tenantId = ?3 or tenantId is null)", url, instrumentId,
                tenantId) > 0;
    }

    /** The URL every version of the instrument shares; empty before its first version. */
    public Optional<String> urlOf(UUID instrumentId) {
        return find("instrumentId = ?1", Sort.by("createdAt"), instrumentId).firstResultOptional()
                .map(InstrumentVersion::url);
    }

    /** A published shared-library version under a fixed id; a second call does nothing. */
    public void insertLibraryVersion(UUID id, UUID instrumentId, String label, String url, String definitionJson,
                                     Instant now) {
        getEntityManager().createNativeQuery("INSERT IGNORE INTO instrument_version (id, instrument_id, tenant_id,"
                        + " version_label, status, canonical_url, definition, created_at, published_at, row_version)"
                        + " VALUES (?1, ?2, NULL, ?3, ?4, ?5, ?6, ?7, ?7, 0)")
                .setParameter(1, id.toString()).setParameter(2, instrumentId.toString()).setParameter(3, label)
                .setParameter(4, InstrumentVersionStatus.PUBLISHED.name()).setParameter(5, url)
                .setParameter(6, definitionJson).setParameter(7, now).executeUpdate();
    }
}
