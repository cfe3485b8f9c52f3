package app.trellis.cases.repository;

import app.trellis.cases.domain.CaseAssignment;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CaseAssignmentRepository implements PanacheRepositoryBase<CaseAssignment, UUID> {

    public List<CaseAssignment> history(UUID caseId) {
        return list("caseId", Sort.by("assignedAt"), caseId);
    }

    public List<CaseAssignment> current(UUID caseId) {
        return list("caseId = ?1 and endedAt is null", caseId);
    }
}
